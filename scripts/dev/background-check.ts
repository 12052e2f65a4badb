import { execFile, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import { resolve } from "node:path";

let running: ChildProcess | undefined;

/**
 * `npm run check` on the whole tree (the editorial checks: links, duplicates, lengths, images,
 * encodings), in its own low-priority process so that it never delays a page. A newer call cancels
 * an older one. Resolves with the error lines (`path:line: field: message`), or undefined when cancelled.
 */
export function checkInBackground(env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  running?.kill();
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", resolve("scripts/cli/check.ts")],
      { env: { ...process.env, ...env }, maxBuffer: 64 << 20 },
      (error, _stdout, stderr) => {
        if (running === child) running = undefined;
        if (child.killed || (error && error.code === undefined)) return done(undefined);
        done(error ? stderr.split("\n").filter((line) => /^[^:\s][^:]*:\d+: /.test(line)) : []);
      },
    );
    running = child;
    if (child.pid) setPriority(child.pid, 19);
  });
}
