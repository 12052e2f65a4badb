import { spawn, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import { resolve } from "node:path";

let running: ChildProcess | undefined;

/**
 * Start the background pass (background.ts) at low priority; a newer call cancels an older one.
 * `checked` gets the error lines (`path:line: field: message`; empty when the tree is clean) as
 * soon as the checks are done; the search index is then rebuilt by the same process.
 */
export function checkInBackground(env: NodeJS.ProcessEnv, checked: (errors: string[]) => void): void {
  if (running?.exitCode === null) running.kill();
  const child = spawn(process.execPath, ["--import", "tsx", resolve("scripts/tools/dev/background.ts")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  if (child.pid) setPriority(child.pid, 19);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    if (chunk.includes("checked\n")) checked([]);
    const rest = chunk.replace("checked\n", "");
    if (rest) process.stdout.write(rest);
  });
  child.on("close", (code, signal) => {
    if (signal || code === 0) return;
    const lines = stderr.split("\n").filter((line) => /^[^:\s][^:]*:\d+: /.test(line));
    checked(lines.length ? lines : [`(background): ${stderr.trim().split("\n").at(-1) ?? `exit ${code}`}`]);
  });
}
