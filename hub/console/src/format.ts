import { shillings } from '@shared/kenya/money';
import { kenyanDateTime } from '@shared/kenya/time';

/** How the console writes times and money: Kenya time, whole shillings, '—' for nothing. */
export const when = (at: string | null | undefined) => (at ? kenyanDateTime(at) : '—');
export const money = (amount: number) => shillings(amount);
export const signedMoney = (amount: number | null) => (amount === null ? '—' : `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${shillings(Math.abs(amount))}`);

export function age(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3_600)} h`;
}
