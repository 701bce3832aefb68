/**
 * `npm run staff -- <command> --database FILE ...`: staff accounts from the command line.
 *
 *   setup --id 1001 --name "Jane Wanjiru" [--badge CODE]
 *       creates the first supervisor (refused once one exists); asks for the new PIN twice.
 *   add --by 1001 --id 2001 --name "Peter Otieno" --role clerk [--badge CODE]
 *       a supervisor adds an account; asks for the supervisor's PIN, then the new PIN twice.
 *
 * PINs are read without echo at a terminal, or one per line from a pipe.
 */
import { parseArgs } from 'node:util';
import { pinSchema, staffIdSchema, staffRoleSchema, badgeCodeSchema } from '@shared/contract/staff';
import { createKioskCore } from './kiosk-core';
import { commandLineKey, type DatabaseKey } from './secrets/database-key';
import { pinReader } from '@shared/node/pin-prompt';
import { addStaffAsSupervisor, commandErrorText, setupFirstSupervisor, StaffCommandError } from './staff/staff-commands';
import { createStaffAccess } from './staff/staff-access';

const USAGE = `Usage:
  npm run staff -- setup --database FILE [--key-file KEY-FILE] --id ID --name NAME [--badge CODE]
  npm run staff -- add   --database FILE [--key-file KEY-FILE] --by SUPERVISOR_ID --id ID --name NAME --role clerk|supervisor [--badge CODE]`;

function required(value: string | undefined, flag: string): string {
  if (!value) throw new StaffCommandError(`--${flag} is required.\n${USAGE}`);
  return value;
}

function checked<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StaffCommandError(`${what} is not valid.`);
  return parsed.data;
}

/** A sealed database's key (`--key-file`, else the systemd credential); none for a demo database. */
function sealedWith(keyFile: string | undefined): DatabaseKey | undefined {
  try {
    return commandLineKey(keyFile);
  } catch (error) {
    throw new StaffCommandError(error instanceof Error ? error.message : String(error));
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      database: { type: 'string' },
      'key-file': { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      badge: { type: 'string' },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || (command !== 'setup' && command !== 'add')) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const databaseFile = required(values.database, 'database');
  const databaseKey = sealedWith(values['key-file']);
  const account = {
    staffId: checked(staffIdSchema, required(values.id, 'id'), 'The staff number (3-12 digits)'),
    name: required(values.name, 'name').trim(),
    badgeCode: values.badge === undefined ? undefined : checked(badgeCodeSchema, values.badge, 'The badge code'),
  };
  const role = command === 'add' ? checked(staffRoleSchema, values.role, '--role (clerk or supervisor)') : 'supervisor';
  const askPin = pinReader();
  const byPin = command === 'add' ? await askPin(`PIN of supervisor ${required(values.by, 'by')}: `) : '';
  const pin = checked(pinSchema, await askPin(`New PIN for ${account.staffId} (4-8 digits): `), 'The PIN (4-8 digits)');
  if ((await askPin('The same PIN again: ')) !== pin) throw new StaffCommandError('The two PINs differ; nothing was changed.');

  const core = createKioskCore({ databaseFile, databaseKey });
  try {
    const staff = createStaffAccess(core.context);
    if (command === 'setup') await setupFirstSupervisor(staff, { ...account, pin });
    else await addStaffAsSupervisor(staff, { staffId: required(values.by, 'by'), pin: byPin }, { ...account, pin, role });
    console.log(`Added ${account.staffId}.`);
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const text = commandErrorText(error);
  if (text === undefined) throw error;
  console.error(text);
  process.exitCode = 1;
});
