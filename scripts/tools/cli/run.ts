/**
 * How every CLI ends: main() returns the exit code; anything it throws (a file that cannot be read,
 * a full disk) becomes one line, never a stack trace. Editors' CLIs give a Vietnamese `prefix`
 * ("Không chuyển được"); quality gates exit 2 on such a failure, as 1 means "the gate failed".
 */
export function runCli(main: () => Promise<number>, failure: { prefix?: string; code?: number } = {}): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(failure.prefix ? `${failure.prefix}: ${message}` : message);
      process.exitCode = failure.code ?? 1;
    },
  );
}
