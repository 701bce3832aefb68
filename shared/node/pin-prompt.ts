import { createInterface } from 'node:readline';

/**
 * Asks for PINs on the command line. At a terminal each is typed without echo (a star per
 * digit); from a pipe, one PIN per line, so setup can be scripted. The kiosk's staff CLI and the
 * hub's admin commands both ask this way.
 */
export function pinReader(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr) {
  if (!input.isTTY) {
    const lines = createInterface({ input })[Symbol.asyncIterator]();
    return async (prompt: string): Promise<string> => {
      output.write(`${prompt}\n`);
      const next = await lines.next();
      return next.done ? '' : String(next.value).trim();
    };
  }
  return (prompt: string) =>
    new Promise<string>((resolve) => {
      output.write(prompt);
      let typed = '';
      input.setRawMode(true);
      input.resume();
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n' || char === '\u0003') {
            input.setRawMode(false);
            input.pause();
            input.off('data', onData);
            output.write('\n');
            if (char === '\u0003') process.exit(130);
            resolve(typed);
            return;
          }
          if (char === '\u007f') typed = typed.slice(0, -1);
          else {
            typed += char;
            output.write('*');
          }
        }
      };
      input.on('data', onData);
    });
}
