/** What should be in a cash drawer, in whole shillings. */
export interface DrawerMovements {
  openingFloat: number;
  cashTaken: number;
  refunds: number;
  drops: number;
}

/** Expected cash = opening float + cash taken − refunds − drops. */
export function expectedInDrawer({ openingFloat, cashTaken, refunds, drops }: DrawerMovements): number {
  return openingFloat + cashTaken - refunds - drops;
}

export interface DrawerCount {
  expected: number;
  counted: number;
  /** Counted − expected: positive is over, negative is short. */
  variance: number;
  needsSignOff: boolean;
}

/** A count whose over/short is beyond the threshold either way needs a supervisor to sign it off. */
export function countDrawer(movements: DrawerMovements, counted: number, signOffThreshold: number): DrawerCount {
  const expected = expectedInDrawer(movements);
  const variance = counted - expected;
  return { expected, counted, variance, needsSignOff: Math.abs(variance) > signOffThreshold };
}
