import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

/** Process boundaries, enforced: who may import what. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const noElectron = { group: ['/electron'], message: 'Only electron/main and electron/preload may import Electron.' };
const noNode = { group: nodeBuiltins, message: 'This code also runs in the browser: no Node built-ins.' };
const noElectronFolder = { group: ['**/electron/**'], message: 'The renderer reaches the core only through window.kiosk (shared/bridge).' };
const noRenderer = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' };
const noHub = { group: ['**/hub/**'], message: 'The kiosk must not depend on the hub server.' };
const noShells = { group: ['**/main/**', '**/preload/**', '**/host/**'], message: 'The core knows nothing of the shells that serve it.' };
const noKiosk = { group: ['**/electron/**', '**/tests/**'], message: 'The hub stands beside the kiosk: it imports only shared/ and its own files.' };
const noHubServer = { group: ['**/console-server/**', '**/store/**', '**/routes/**', '**/hub-server'], message: 'The console runs in a browser: it reaches the hub only through its API (shared/console).' };
const noNodeShared = { group: ['**/shared/node/**', '@shared/node/**'], message: 'shared/node is for Node processes (kiosk core, hub); the renderer runs in a browser.' };
const noOtherShell = { group: ['**/host/**'], message: 'The Electron shell and the browser host are siblings: what both need lives in shared/ or the core.' };
const noDemo = {
  group: ['**/demo/**', '**/simulators/**', '**/boot/**'],
  message: 'The demo and the simulators stand apart from the product: only electron/boot (and the demo and simulator entry points themselves) import them.',
};
/** One door to the core in the renderer: screens and components call it, and hear its events, through Pinia stores. */
const noCoreOutsideStores = {
  group: ['**/api/kiosk', '**/api/http-transport', '**/api/core-events'],
  message: 'Only renderer/src/stores/ calls the core or listens to its events: use (or add) a store; a screen runs its calls through useCoreStep.',
};
const noAssembly = {
  group: ['**/kiosk-core', '**/staff-desk'],
  message: 'A feature does not reach up to where the core is assembled; entry points (kiosk-core, staff-cli) stand at electron/core/ itself.',
};

/** The machine's own time zone is often UTC: dates and times the kiosk computes or shows go through shared/kenya/time. */
const localTime = ['toLocaleTimeString', 'toLocaleDateString', 'getHours', 'getMinutes', 'getSeconds', 'getDate', 'getDay', 'getMonth', 'getFullYear'];
const kenyaTimeOnly = {
  'no-restricted-properties': ['error', ...localTime.map((property) => ({ property, message: 'Kenya time only: use shared/kenya/time.' }))],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.node22/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  { files: ['renderer/**', 'shared/**', 'electron/**', 'hub/**'], rules: kenyaTimeOnly },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } }, rules: restrict([noElectron, noNode, noElectronFolder, noHub, noNodeShared]) },
  {
    files: ['renderer/src/**'],
    ignores: ['renderer/src/stores/**', 'renderer/src/api/**'],
    rules: restrict([noElectron, noNode, noElectronFolder, noHub, noNodeShared, noCoreOutsideStores]),
  },
  { files: ['shared/**'], rules: restrict([noElectron, noNode, noElectronFolder, noRenderer, noHub, noNodeShared]) },
  { files: ['shared/node/**'], rules: restrict([noElectron, noElectronFolder, noRenderer, noHub]) },
  { files: ['electron/core/**'], rules: restrict([noElectron, noRenderer, noHub, noShells, noDemo]) },
  { files: ['electron/core/*/**'], rules: restrict([noElectron, noRenderer, noHub, noShells, noDemo, noAssembly]) },
  { files: ['electron/demo/**', 'electron/simulators/**', 'electron/boot/**'], rules: restrict([noElectron, noRenderer, noHub, noShells]) },
  { files: ['electron/host/**'], rules: restrict([noElectron, noRenderer, noHub, noDemo]) },
  { files: ['electron/host/cli.ts'], rules: restrict([noElectron, noRenderer, noHub]) },
  { files: ['electron/main/**', 'electron/preload/**'], rules: restrict([noRenderer, noHub, noOtherShell, noDemo]) },
  { files: ['electron/main/index.ts'], rules: restrict([noRenderer, noHub, noOtherShell]) },
  { files: ['hub/**'], ignores: ['hub/console/**'], rules: restrict([noElectron, noRenderer, noKiosk]) },
  { files: ['hub/console/**'], languageOptions: { globals: { ...globals.browser } }, rules: restrict([noElectron, noNode, noRenderer, noKiosk, noNodeShared, noHubServer]) },
);
