import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "widgets/**/*.test.ts", "widgets/**/*.test.tsx"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
});
