import { pinReader } from '@shared/node/pin-prompt';
import { addCentre, addStaff, CentreCommandError, moveKioskToCentre, resetStaffPin, setStaffDisabled, setStaffRole, staffView } from './centre-commands';
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
       npm run hub -- admin reset-pin <staff-number>                 asks for the new PIN as add-staff does`;

export interface CentreFlags {
  centre?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  badge?: string | undefined;
}

/** The PIN, once from a pipe (scripts), twice at a terminal (a typo would lock the clerk out). */
async function askPin(staffId: string): Promise<string> {
  const ask = pinReader();
  const pin = await ask(`PIN for ${staffId} (4-8 digits): `);
  if (process.stdin.isTTY && (await ask('The same PIN again: ')) !== pin) throw new CentreCommandError('invalid', 'the two PINs differ; nothing was changed');
  return pin;
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
    default:
      return false;
  }
}
