import { spawn } from "node:child_process";

export interface Measured {
  wallMs: number;
  /** Peak resident memory of the largest process in the tree (GNU time's "Maximum resident set size"). */
  maxRssBytes: number;
  stdout: string;
  stderr: string;
}

const MAX_RSS = /Maximum resident set size \(kbytes\): (\d+)/;

/** Run a command under /usr/bin/time -v; fails with its output when it exits non-zero. */
export function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-v", command, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => reject(new Error(`cannot run /usr/bin/time (${error.message}): apt-get install time`)));
    child.on("close", (code) => {
      const wallMs = Math.round(performance.now() - started);
      const rss = MAX_RSS.exec(stderr);
      if (code !== 0 || rss === null) {
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
        return;
      }
      resolve({ wallMs, maxRssBytes: Number(rss[1]) * 1024, stdout, stderr });
    });
  });
}

/**
 * The JSON objects a program printed as `PREFIX {json}` lines, merged in order (the build prints
 * BUILD_STATS {"totalMs":…,"stages":{…},"pages":…}; stage maps of several lines are merged too).
 */
export function statsLines(prefix: string, stdout: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const line of stdout.split("\n")) {
    if (!line.startsWith(`${prefix} `)) continue;
    const stats = JSON.parse(line.slice(prefix.length + 1)) as Record<string, unknown>;
    const stages = { ...(merged.stages as object | undefined), ...(stats.stages as object | undefined) };
    Object.assign(merged, stats, Object.keys(stages).length > 0 ? { stages } : {});
  }
  return merged;
}
