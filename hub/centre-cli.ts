import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { text } from 'node:stream/consumers';
import { pinReader } from '@shared/node/pin-prompt';
import {
  addCentre,
  addStaff,
  CentreCommandError,
  centreSettingsOf,
  moveKioskToCentre,
  resetStaffPin,
  setCentreSettings,
  setStaffDisabled,
  setStaffRole,
  staffView,
} from './centre-commands';
import type { HubStore } from './store/hub-store';

export const CENTRE_USAGE = `       npm run hub -- admin add-centre <centre-id> --name NAME       a service centre (id: lower-case letters, digits, dashes)
       npm run hub -- admin centres                                   every centre
       npm run hub -- admin add-kiosk <kiosk-id> --centre <centre-id>  a kiosk of that centre (prints its token, once)
       npm run hub -- admin set-centre <kiosk-id> --centre <centre-id> moves a kiosk to a centre: it takes that centre's staff
       npm run hub -- admin add-staff <staff-number> --centre <centre-id> --name NAME --role clerk|supervisor [--badge CODE]
                                                      asks for the PIN (typed twice at a terminal, one line from a pipe)
       npm run hub -- admin staff --centre <centre-id>               the centre's staff (never a PIN)
       npm run hub -- admin disable-staff <staff-number>             signed out and refused on the centre's kiosks at their next sync
       npm run hub -- admin enable-staff <staff-number>
       npm run hub -- admin set-role <staff-number> --role clerk|supervisor
       npm run hub -- admin reset-pin <staff-number>                 asks for the new PIN as add-staff does
       npm run hub -- admin set-settings <centre-id> [--file FILE]   replaces the centre's settings with a JSON document (stdin without --file);
                                                      allowed: idle, lookup and staff limits, receipt header and footer lines (hub/README.md)
       npm run hub -- admin settings <centre-id>                     the centre's settings, as JSON`;

export interface CentreFlags {
  centre?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  badge?: string | undefined;
  file?: string | undefined;
}

/** The PIN, once from a pipe (scripts), twice at a terminal (a typo would lock the clerk out). */
async function askPin(staffId: string): Promise<string> {
  const ask = pinReader();
  const pin = await ask(`PIN for ${staffId} (4-8 digits): `);
  if (process.stdin.isTTY && (await ask('The same PIN again: ')) !== pin) throw new CentreCommandError('invalid', 'the two PINs differ; nothing was changed');
  return pin;
}

/** The settings document, from --file or standard input. */
async function readSettings(file: string | undefined): Promise<unknown> {
  const json = file === undefined ? await text(process.stdin) : await readFile(file, 'utf8');
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CentreCommandError('invalid', `the settings are not JSON (${error instanceof Error ? error.message : String(error)}); nothing was changed`);
  }
}

/** Who set a centre's settings, as kept beside them: the operating system's user running the command. */
function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new CentreCommandError('invalid', `${what} is required`);
  return value;
}

/** The centre and staff commands of `npm run hub -- admin`; false for a command that is not one of them. */
export async function centreAdmin(store: HubStore, command: string | undefined, argument: string | undefined, flags: CentreFlags): Promise<boolean> {
  switch (command) {
    case 'add-centre':
      await addCentre(store, { centreId: need(argument, 'the centre id'), name: need(flags.name, '--name') });
      console.log(`Centre ${argument} added.`);
      return true;
    case 'centres':
      for (const centre of await store.listCentres()) console.log(`${centre.id}  ${centre.name}`);
      return true;
    case 'set-centre':
      await moveKioskToCentre(store, need(argument, 'the kiosk id'), need(flags.centre, '--centre'));
      console.log(`Kiosk ${argument} is now in centre ${flags.centre}: it takes that centre's staff at its next sync.`);
      return true;
    case 'add-staff': {
      const staffId = need(argument, 'the staff number');
      const account = { centreId: need(flags.centre, '--centre'), staffId, name: need(flags.name, '--name'), role: need(flags.role, '--role'), badgeCode: flags.badge };
      await addStaff(store, { ...account, pin: await askPin(staffId) });
      console.log(`Added ${staffId} to centre ${flags.centre}.`);
      return true;
    }
    case 'staff':
      for (const staff of (await store.listStaff(need(flags.centre, '--centre'))).map(staffView)) {
        console.log(`${staff.staffId}  ${staff.role.padEnd(10)}  ${staff.disabledAt === null ? 'active  ' : 'disabled'}  ${staff.badge ? 'badge' : '     '}  ${staff.name}`);
      }
      return true;
    case 'disable-staff':
    case 'enable-staff':
      await setStaffDisabled(store, need(argument, 'the staff number'), command === 'disable-staff');
      console.log(command === 'disable-staff' ? `${argument} disabled: signed out and refused on the centre's kiosks at their next sync.` : `${argument} enabled.`);
      return true;
    case 'set-role':
      await setStaffRole(store, need(argument, 'the staff number'), need(flags.role, '--role'));
      console.log(`${argument} is now a ${flags.role}.`);
      return true;
    case 'reset-pin': {
      const staffId = need(argument, 'the staff number');
      await resetStaffPin(store, staffId, await askPin(staffId));
      console.log(`New PIN set for ${staffId}.`);
      return true;
    }
    case 'set-settings': {
      const centreId = need(argument, 'the centre id');
      const view = await setCentreSettings(store, centreId, await readSettings(flags.file), cliUser());
      console.log(`Settings of centre ${view.centreId} replaced: its kiosks take them at their next sync.`);
      return true;
    }
    case 'settings':
      console.log(JSON.stringify(await centreSettingsOf(store, need(argument, 'the centre id')), null, 2));
      return true;
    default:
      return false;
  }
}
