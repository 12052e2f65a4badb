import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/content.ts";

const file = join(repoRoot, ".github", "workflows", "site.yml");

describe("GitHub Actions workflow", () => {
  it("pins every action to a full commit SHA with its version beside it", async () => {
    const uses = (await readFile(file, "utf8")).split("\n").filter((l) => /^\s*-?\s*uses:/.test(l));
    expect(uses.length).toBeGreaterThanOrEqual(5);
    for (const line of uses) expect(line).toMatch(/uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it("tests pull requests, deploys main with the Netlify secrets, and rebuilds at 00:05 Vietnam time", async () => {
    const wf = parse(await readFile(file, "utf8"));
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(["pull_request", "push", "schedule"]));
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(wf.on.schedule).toEqual([{ cron: "5 17 * * *" }]);
    expect(wf.jobs.test.steps.at(-1).run).toBe("bash .ci/run");
    const steps = wf.jobs.build.steps;
    expect(steps.some((s: any) => s.run === "npm run build")).toBe(true);
    const deploy = steps.find((s: any) => s.name === "Deploy to Netlify");
    expect(deploy.if).toContain("refs/heads/main");
    expect(deploy.run).toMatch(/netlify-cli@\d+\.\d+\.\d+ deploy --no-build --prod/);
    expect(Object.keys(deploy.env)).toEqual(["NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID"]);
  });
});
