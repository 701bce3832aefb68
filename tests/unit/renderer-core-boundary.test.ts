import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps the renderer's calls to the core in its stores (eslint.config.js). */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const results = await eslint.lintText(source, { filePath });
  return results.flatMap((result) => result.messages).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('only the renderer’s stores call the core', () => {
  it.each([
    ['a screen', 'renderer/src/views/pay/NewView.ts', "import { call } from '../../api/kiosk';"],
    ['a component', 'renderer/src/components/NewPart.ts', "import { kiosk } from '../api/kiosk';"],
    ['a composable', 'renderer/src/composables/use-new.ts', "import { onCoreEvent } from '../api/core-events';"],
    ['the app entry', 'renderer/src/main.ts', "import { httpTransport } from './api/http-transport';"],
  ])('%s may not import the core’s call or event modules', async (_who, filePath, line) => {
    const messages = await restrictedImports(filePath, `${line}\nexport const used = [${line.match(/\{ (\w+) \}/)?.[1]}];\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Only renderer/src/stores/ calls the core');
  });

  it('a store may, and a screen may still name a refusal (api/call-error calls nothing)', async () => {
    expect(await restrictedImports('renderer/src/stores/new.ts', "import { call } from '../api/kiosk';\nexport const used = call;\n")).toEqual([]);
    expect(
      await restrictedImports('renderer/src/views/NewView.ts', "import { KioskCallError } from '../api/call-error';\nexport const used = KioskCallError;\n"),
    ).toEqual([]);
  });
});
