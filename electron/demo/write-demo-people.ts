import { dayOf } from './calendar';
import type { DemoPerson } from './demo-people';
import type { UniqueIdentifiers } from './kenyan-identifiers';
import type { ReplicaWriter } from './replica-writer';

/** 09:00 in Nairobi, when the demo people opened their accounts. */
const NINE_AM_NAIROBI_IN_UTC_MINUTES = 6 * 60;

/** Reserves every unique value of the demo people, so random citizens never collide with them. */
export function reserveDemoIdentifiers(people: readonly DemoPerson[], ids: UniqueIdentifiers): void {
  for (const person of people) {
    ids.reserve('idNumber', person.idNumber);
    ids.reserve('idSerial', person.idSerial);
    ids.reserve('passport', person.passportNumber);
    ids.reserve('kraPin', person.kraPin);
    ids.reserve('phone', person.phone);
    ids.reserve('email', person.email);
    for (const account of person.accounts) ids.reserve('kraPin', account.kraPin);
    if (person.licence) ids.reserve('licenceNumber', person.licence.licenceNumber);
    for (const vehicle of person.vehicles) ids.reserve('plate', vehicle.plate);
    for (const fine of person.fines) ids.reserve('fineReference', fine.reference);
  }
}

/** Writes the demo people first, checking that each lands on the id the tests expect. */
export function writeDemoPeople(people: readonly DemoPerson[], writer: ReplicaWriter, today: number): void {
  const relative = (days: number | null): number | null => (days === null ? null : today + days);

  for (const person of people) {
    const citizenId = writer.citizen({ ...person, dateOfBirth: dayOf(person.dateOfBirth) });
    if (citizenId !== person.id) {
      throw new Error(`demo person ${person.firstName} ${person.lastName} got id ${citizenId}, expected ${person.id}`);
    }
    for (const account of person.accounts) {
      writer.account(citizenId, {
        ...account,
        createdDay: dayOf(account.createdOn),
        createdMinute: NINE_AM_NAIROBI_IN_UTC_MINUTES,
      });
    }
    if (person.licence) {
      writer.licence(citizenId, {
        licenceNumber: person.licence.licenceNumber,
        classes: person.licence.classes,
        issuedOn: today - person.licence.issuedDaysAgo,
        expiresOn: today + person.licence.expiresInDays,
      });
    }
    const vehicleIds = new Map<string, number>();
    for (const vehicle of person.vehicles) {
      const vehicleId = writer.vehicle(citizenId, {
        ...vehicle,
        insuranceExpiresOn: relative(vehicle.insuranceExpiresInDays),
        inspectionExpiresOn: relative(vehicle.inspectionExpiresInDays),
      });
      vehicleIds.set(vehicle.plate, vehicleId);
    }
    for (const fine of person.fines) {
      const vehicleId = fine.plate === null ? null : vehicleIds.get(fine.plate);
      if (vehicleId === undefined) throw new Error(`demo fine ${fine.reference} names a plate its citizen does not own`);
      writer.fine(citizenId, { ...fine, vehicleId, issuedOn: today - fine.issuedDaysAgo });
    }
  }
}
