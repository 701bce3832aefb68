import { describe, expect, it } from 'vitest';
import {
  canPrint,
  isPaperStatusAnswer,
  isRealtimeAnswer,
  paperFromStatusAnswer,
  realtimeStatusRequest,
  statusFromAnswers,
} from '../../electron/core/payments/receipts/realtime-status';
import { paperStatusAnswer, realtimeAnswer, type SimulatedPrinterState } from '../../electron/simulators/printer/escpos-printer-state';

// Bytes as Epson's ESC/POS reference lays them out (fixed bits 1 and 4 set): a printer that is fine.
const READY = { printer: 0x12, offlineCause: 0x12, paper: 0x12 };

describe('ESC/POS real-time status (DLE EOT n)', () => {
  it('asks with DLE EOT n', () => {
    expect([...realtimeStatusRequest(1)]).toEqual([0x10, 0x04, 0x01]);
    expect([...realtimeStatusRequest(4)]).toEqual([0x10, 0x04, 0x04]);
  });

  it('tells a status byte by its fixed bits, and GS r answers apart from DLE EOT answers', () => {
    expect(isRealtimeAnswer(0x12)).toBe(true);
    expect(isRealtimeAnswer(0x7e)).toBe(true); // every variable bit set
    expect(isRealtimeAnswer(0x00)).toBe(false);
    expect(isRealtimeAnswer(0x92)).toBe(false); // bit 7 must be 0
    expect(isPaperStatusAnswer(0x0f)).toBe(true);
    expect(isPaperStatusAnswer(0x12)).toBe(false);
  });

  it.each([
    ['ready', READY, 'ready'],
    ['paper near end (n=4 bits 2-3)', { ...READY, paper: 0x1e }, 'paper-low'],
    ['paper end (n=4 bits 5-6), printer offline', { printer: 0x1a, offlineCause: 0x12, paper: 0x7e }, 'paper-out'],
    ['stopped at paper end (n=2 bit 5)', { printer: 0x1a, offlineCause: 0x32, paper: 0x12 }, 'paper-out'],
    ['cover open (n=2 bit 2), and paper out too: the cover first', { printer: 0x1a, offlineCause: 0x36, paper: 0x7e }, 'cover-open'],
    ['offline for another reason (n=1 bit 3)', { printer: 0x1a, offlineCause: 0x52, paper: 0x12 }, 'offline'],
    ['only the first query answered, online', { printer: 0x12, offlineCause: undefined, paper: undefined }, 'ready'],
  ] as const)('%s', (_what, answers, status) => {
    expect(statusFromAnswers(answers, 'offline')).toBe(status);
  });

  it('a printer that answers nothing is what its transport says: offline (network) or unknown (device file)', () => {
    const none = { printer: undefined, offlineCause: undefined, paper: undefined };
    expect(statusFromAnswers(none, 'offline')).toBe('offline');
    expect(statusFromAnswers(none, 'unknown')).toBe('unknown');
  });

  it('prints at ready, paper low and unknown; never at paper out, cover open, offline or without a printer', () => {
    expect(['ready', 'paper-low', 'unknown', 'paper-out', 'cover-open', 'offline', 'absent'].filter((s) => canPrint(s as never))).toEqual(['ready', 'paper-low', 'unknown']);
  });

  it('reads GS r 1 (paper sensors at the end of the receipt)', () => {
    expect(paperFromStatusAnswer(0x00)).toBe('ready');
    expect(paperFromStatusAnswer(0x03)).toBe('paper-low');
    expect(paperFromStatusAnswer(0x0f)).toBe('paper-out');
  });
});

describe('the loopback printer answers as the parser reads', () => {
  const states: [SimulatedPrinterState, string][] = [
    [{ online: true, coverOpen: false, paper: 'adequate' }, 'ready'],
    [{ online: true, coverOpen: false, paper: 'near-end' }, 'paper-low'],
    [{ online: true, coverOpen: false, paper: 'out' }, 'paper-out'],
    [{ online: true, coverOpen: true, paper: 'adequate' }, 'cover-open'],
    [{ online: false, coverOpen: false, paper: 'adequate' }, 'offline'],
  ];
  it.each(states)('%o is %s', (state, status) => {
    const answers = { printer: realtimeAnswer(state, 1), offlineCause: realtimeAnswer(state, 2), paper: realtimeAnswer(state, 4) };
    expect([answers.printer, answers.offlineCause, answers.paper].every((byte) => byte !== undefined && isRealtimeAnswer(byte))).toBe(true);
    expect(statusFromAnswers(answers, 'offline')).toBe(status);
    expect(isPaperStatusAnswer(paperStatusAnswer(state))).toBe(true);
  });
});
