/**
 * The credentials the demo kiosk and the Daraja simulator share, so that an unconfigured
 * kiosk talks to its simulator out of the box. The shortcode and passkey are Safaricom's
 * published sandbox test values (Lipa na M-Pesa Online, paybill 174379), not secrets.
 */
export const DEMO_DARAJA_CREDENTIALS = {
  consumerKey: 'huduma-demo-consumer-key',
  consumerSecret: 'huduma-demo-consumer-secret',
  shortcode: '174379',
  passkey: 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919',
} as const;
