/** Bytes the printer sent back, kept in order until read; a reader waits at most its timeout. */
export class ReceivedBytes {
  private readonly bytes: number[] = [];
  private waiter: ((byte: number | undefined) => void) | undefined;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) this.bytes.push(byte);
    this.wake();
  }

  next(timeoutMs: number): Promise<number | undefined> {
    if (this.bytes.length > 0) return Promise.resolve(this.bytes.shift());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiter = (byte) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(byte);
      };
    });
  }

  private wake(): void {
    if (this.waiter && this.bytes.length > 0) this.waiter(this.bytes.shift());
  }
}
