/**
 * The settings that are secrets: a production kiosk keeps them sealed (sealed-secrets.ts),
 * never in its settings file. Paths into the settings object.
 */
export const SECRET_SETTINGS = ['sync.kioskToken', 'mpesa.consumerSecret', 'mpesa.passkey', 'sms.africasTalking.apiKey', 'email.sendgrid.apiKey'] as const;

export type SecretSetting = (typeof SECRET_SETTINGS)[number];
export type SecretValues = Partial<Record<SecretSetting, string>>;

export const isSecretSetting = (name: string): name is SecretSetting => (SECRET_SETTINGS as readonly string[]).includes(name);

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(tree: unknown, setting: string): unknown {
  return setting.split('.').reduce<unknown>((node, part) => (isTree(node) ? node[part] : undefined), tree);
}

/** The secret settings the stored (plain) settings hold a value for: refused in production. */
export function plainSecretsIn(stored: unknown): SecretSetting[] {
  return SECRET_SETTINGS.filter((setting) => {
    const value = valueAt(stored, setting);
    return value !== undefined && value !== '';
  });
}

/** The stored settings with the sealed secrets put in their places (a copy; the input is untouched). */
export function withSecrets(stored: unknown, secrets: SecretValues): unknown {
  const merged: Tree = structuredClone(isTree(stored) ? stored : {});
  for (const [setting, value] of Object.entries(secrets)) {
    const parts = setting.split('.');
    const leaf = parts.pop()!;
    let node = merged;
    for (const part of parts) {
      if (!isTree(node[part])) node[part] = {};
      node = node[part] as Tree;
    }
    node[leaf] = value;
  }
  return merged;
}
