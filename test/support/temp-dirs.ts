import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Fresh temporary folders named `prefix…`, all removed by `removeAll` (an afterAll). */
export function tempDirs(prefix: string) {
  const made: string[] = [];
  return {
    async make(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll: () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))),
  };
}
