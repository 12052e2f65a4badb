// `npm run test:fast`: the tests that run in-process on small inputs (no build, no browser, no CLI),
// for the edit-test loop. `npm test` runs them too, with everything else.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "test/unit/**/*.test.ts",
      "widgets/**/*.test.{ts,tsx}",
      "test/widgets/{sidebar,registry}.test.ts",
      "test/search/{vietnamese,index-html,vocabulary}.test.ts",
      "test/publish/{redirects,metadata,netlify-config,open-redirect}.test.{ts,tsx}",
      "test/images/refs.test.ts",
    ],
    pool: "threads",
  },
});
