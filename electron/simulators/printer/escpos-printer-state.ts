/** What the simulated printer is like now: what its status answers say. */
export interface SimulatedPrinterState {
  /** False: offline for a reason of its own (a fault, the feed button held). */
  online: boolean;
  coverOpen: boolean;
  paper: 'adequate' | 'near-end' | 'out';
}

/** Whether the mechanism runs: paper in, cover shut, online. */
export function printing(state: SimulatedPrinterState): boolean {
  return state.online && !state.coverOpen && state.paper !== 'out';
}

/** The one-byte answer to DLE EOT n (n = 1, 2, 4), laid out as Epson's ESC/POS reference gives it. */
export function realtimeAnswer(state: SimulatedPrinterState, n: number): number | undefined {
  const fixed = 0x12;
  const out = state.paper === 'out';
  switch (n) {
    case 1:
      return fixed | (printing(state) ? 0 : 0x08);
    case 2:
      return fixed | (state.coverOpen ? 0x04 : 0) | (out ? 0x20 : 0);
    case 4:
      return fixed | (state.paper !== 'adequate' ? 0x0c : 0) | (out ? 0x60 : 0);
    default:
      return undefined;
  }
}

/** GS r 1's answer (roll paper sensors): near end in bits 0-1, paper end in bits 2-3. */
export function paperStatusAnswer(state: SimulatedPrinterState): number {
  return (state.paper !== 'adequate' ? 0x03 : 0) | (state.paper === 'out' ? 0x0c : 0);
}
