import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A TCP port free on this machine a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on("error", fail);
  });
}

/** Poll until `probe` holds (a throw counts as not yet), for up to a minute: never a timing assertion. */
export async function until(what: string, probe: () => Promise<boolean>, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(intervalMs);
  }
  throw new Error(`gave up waiting for ${what}`);
}
