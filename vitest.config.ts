import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "widgets/**/*.test.ts", "widgets/**/*.test.tsx"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // Vitest's default is one worker per core minus one: a single file at a time on two cores,
    // while most files wait on a child build, a browser or a server.
    maxWorkers: 2,
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
});
