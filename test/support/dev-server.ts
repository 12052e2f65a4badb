import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, until } from "./wait.ts";

export interface DevServer {
  origin: string;
  /** Everything it printed so far. */
  log(): string;
  stop(): void;
}

/** `npm start` (scripts/tools/dev/server.ts) in the project at `cwd`, on a free port; resolves once it is ready. */
export async function startDevServer(cwd: string, env: Record<string, string>): Promise<DevServer> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", join("scripts", "tools", "dev", "server.ts"), `--port=${port}`], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  server.stderr.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  const stop = () => void (server.pid && server.exitCode === null && process.kill(-server.pid, "SIGTERM"));
  await until("the dev server to start", async () => log.includes("[dev] ready")).catch((error: Error) => {
    stop();
    throw new Error(`${error.message}:\n${log.slice(-3000)}`);
  });
  return { origin: `http://localhost:${port}`, log: () => log, stop };
}
