import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes `file` whole or not at all: beside it under a name unique to this call, then renamed into
 * place, so a parallel build (or the same photo under two names) never reads half a file.
 */
export async function writeWhole(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const part = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(part, data);
  await rename(part, file);
}
