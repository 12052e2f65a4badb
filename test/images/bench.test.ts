import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

describe("scripts/tools/bench/images.ts", () => {
  it("times a cold build that encodes every photo and a warm one that encodes none", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/tools/bench/images.ts", "--count", "2", "--json"], {
      env: { ...process.env, CI: "true" },
    });
    const result = JSON.parse(stdout) as { photos: number; cold: { seconds: number; encodedFiles: number; encodedImages: number }; warm: { seconds: number; encodedFiles: number; cachedImages: number } };
    expect(result.photos).toBe(2);
    expect(result.cold).toMatchObject({ encodedFiles: 30, encodedImages: 2 });
    expect(result.cold.seconds).toBeGreaterThan(0);
    expect(result.warm).toMatchObject({ encodedFiles: 0, cachedImages: 2 });
    expect(result.warm.seconds).toBeGreaterThan(0);
  });
});
