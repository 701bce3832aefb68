import type { PrinterStatus } from '@shared/contract/printer';

/**
 * ESC/POS status, as Epson's ESC/POS reference documents it for TM printers (and the
 * thermal printers that follow them):
 * - DLE EOT n (0x10 0x04 n), "transmit real-time status": answered at once, even while the
 *   printer is offline or has data waiting, with one byte whose bits 0, 1, 4 and 7 are fixed
 *   (0, 1, 1, 0: `byte & 0x93 === 0x12`).
 *   n=1 printer status: bit 3 offline. n=2 offline cause: bit 2 cover open, bit 5 printing
 *   stopped at paper end. n=4 roll paper sensor: bits 2-3 near end, bits 5-6 paper end.
 * - GS r 1 (0x1d 0x72 0x01), "transmit status": answered only when the printer reaches it
 *   after the data before it, so its answer says the receipt went through the mechanism.
 *   One byte, bits 4 and 7 fixed at 0: bits 0-1 near end, bits 2-3 paper end.
 */
export const DLE_EOT = [0x10, 0x04] as const;
export const GS_R = [0x1d, 0x72] as const;

export type RealtimeQuery = 1 | 2 | 4;
export const REALTIME_QUERIES: readonly RealtimeQuery[] = [1, 2, 4];

export function realtimeStatusRequest(n: RealtimeQuery): Uint8Array {
  return Uint8Array.of(...DLE_EOT, n);
}

export const PAPER_STATUS_REQUEST = Uint8Array.of(...GS_R, 0x01);

export function isRealtimeAnswer(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function isPaperStatusAnswer(byte: number): boolean {
  return (byte & 0x90) === 0;
}

/** The three real-time answers; undefined where the printer sent nothing (or not a status byte). */
export interface RealtimeAnswers {
  readonly printer: number | undefined;
  readonly offlineCause: number | undefined;
  readonly paper: number | undefined;
}

const OFFLINE = 0x08;
const COVER_OPEN = 0x04;
const STOPPED_AT_PAPER_END = 0x20;
const PAPER_NEAR_END = 0x0c;
const PAPER_END = 0x60;

/**
 * What the answers mean for a receipt, the worst first: a printer that answers nothing at
 * all is `silent` (the transport decides whether that is offline or unknown).
 */
export function statusFromAnswers(answers: RealtimeAnswers, silent: 'offline' | 'unknown'): PrinterStatus {
  const { printer, offlineCause, paper } = answers;
  if (printer === undefined && offlineCause === undefined && paper === undefined) return silent;
  if (offlineCause !== undefined && offlineCause & COVER_OPEN) return 'cover-open';
  if ((paper !== undefined && (paper & PAPER_END) === PAPER_END) || (offlineCause !== undefined && offlineCause & STOPPED_AT_PAPER_END)) return 'paper-out';
  if (printer === undefined || printer & OFFLINE) return 'offline';
  if (paper !== undefined && (paper & PAPER_NEAR_END) === PAPER_NEAR_END) return 'paper-low';
  return 'ready';
}

/** GS r 1's answer: the paper the printer had when it reached the end of the receipt. */
export function paperFromStatusAnswer(byte: number): 'ready' | 'paper-low' | 'paper-out' {
  if ((byte & 0x0c) === 0x0c) return 'paper-out';
  if ((byte & 0x03) === 0x03) return 'paper-low';
  return 'ready';
}

/** Whether a receipt can be started at this status (`unknown`: try, and say nothing was confirmed). */
export function canPrint(status: PrinterStatus): boolean {
  return status === 'ready' || status === 'paper-low' || status === 'unknown';
}
