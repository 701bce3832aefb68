/** Where a kiosk stands in the hub's history; opaque to the kiosk. */
export interface HistoryPosition {
  epoch: string;
  position: number;
}

export function encodeCursor({ epoch, position }: HistoryPosition): string {
  return Buffer.from(JSON.stringify([epoch, position])).toString('base64url');
}

/** Undefined for anything this hub did not write: the kiosk must then refetch. */
export function decodeCursor(cursor: string): HistoryPosition | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [epoch, position] = value as unknown[];
    if (typeof epoch !== 'string' || !Number.isSafeInteger(position) || (position as number) < 0) return undefined;
    return { epoch, position: position as number };
  } catch {
    return undefined;
  }
}
