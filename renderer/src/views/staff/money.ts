/** `KES 1,450` — whole shillings, grouped the Kenyan way. */
export function kes(amount: number): string {
  return `KES ${amount.toLocaleString('en-KE')}`;
}

/** A time of day in Kenya, whatever the machine's zone. */
export function kenyaClock(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-KE', { hour: '2-digit', minute: '2-digit', timeZone: 'Africa/Nairobi' });
}
