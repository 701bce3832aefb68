/** Daraja's STK password: base64 of shortcode + passkey + timestamp (the same timestamp sent alongside it). */
export function darajaPassword(shortcode: string, passkey: string, timestamp: string): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`, 'utf8').toString('base64');
}
