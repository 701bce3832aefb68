declare module '@doyensec/electronegativity' {
  interface RunOptions {
    input: string;
    isRelative?: boolean;
    electronVersionOverride?: string;
  }
  interface RunResult {
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: unknown[];
  }
  export default function run(options: RunOptions): Promise<RunResult>;
}
