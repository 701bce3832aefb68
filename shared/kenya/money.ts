/** `KES 1,450`: whole shillings grouped in thousands, as on screens, receipts and reports. */
export function shillings(amount: number): string {
  return `KES ${amount.toLocaleString('en-KE', { maximumFractionDigits: 0 })}`;
}
