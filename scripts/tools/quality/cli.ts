import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runCli as run } from "../cli/run.ts";

/** True when the module at `moduleUrl` is the script Node was started with (tsx scripts/quality/x.ts). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
}

/** The built site to check: the first positional argument, else OUTPUT_DIR, else _site. */
export function siteRoot(positional: string[]): string {
  return positional[0] ?? process.env.OUTPUT_DIR ?? "_site";
}

/** Run a CLI body, turning a thrown error into a message and exit code 2 (1 means "gate failed"). */
export const runCli = (body: () => Promise<number>): void => run(body, { code: 2 });
