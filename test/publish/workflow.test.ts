import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/content.ts";

const file = join(repoRoot, ".github", "workflows", "site.yml");
const deployDir = join(repoRoot, ".github", "deploy");

type Step = { name?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, unknown> };

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
    expect(deploy.run).toMatch(/^\.github\/deploy\/node_modules\/\.bin\/netlify deploy --no-build --prod /);
    expect(Object.keys(deploy.env)).toEqual(["NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID"]);
  });
});

describe("supply chain", () => {
  it("runs the tests in a container pinned by digest", async () => {
    const wf = parse(await readFile(file, "utf8"));
    expect(wf.jobs.test.container).toMatch(/^node:20-bookworm@sha256:[0-9a-f]{64}$/);
    for (const job of Object.values(wf.jobs) as { container?: string | { image: string } }[]) {
      const image = typeof job.container === "string" ? job.container : job.container?.image;
      if (image) expect(image).toMatch(/@sha256:[0-9a-f]{64}$/);
    }
  });

  it("never resolves a package at run time: no npx, no npm exec, no unpinned global install", async () => {
    const text = await readFile(file, "utf8");
    expect(text).not.toMatch(/\bnpx\b|npm (exec|x)\b|npm (i|install) (-g|--global)|yarn dlx|pnpm dlx/);
  });

  it("gives the Netlify token to one step, which runs the CLI installed from the deploy lockfile", async () => {
    const text = await readFile(file, "utf8");
    const wf = parse(text);
    const steps: Step[] = Object.values(wf.jobs).flatMap((job) => (job as { steps: Step[] }).steps);
    const withSecrets = steps.filter((s) => JSON.stringify(s).includes("secrets."));
    expect(withSecrets.map((s) => s.name)).toEqual(["Deploy to Netlify"]);
    expect((text.match(/secrets\./g) ?? []).length).toBe(2);
    const deploy = withSecrets[0]!;
    // The deploy step installs nothing: the only program it starts is the CLI from .github/deploy.
    expect(deploy.run).not.toMatch(/npm|yarn|pnpm|curl|wget/);
    const build = wf.jobs.build.steps as Step[];
    const install = build.findIndex((s) => s.run === "npm ci --prefix .github/deploy --ignore-scripts --no-audit --no-fund");
    expect(install).toBeGreaterThan(-1);
    expect(build[install]!.env).toBeUndefined();
    expect(build.indexOf(deploy)).toBeGreaterThan(install);
    // The CLI needs Node 22: set up between the site build (Node 20) and the install.
    const node22 = build.findIndex((s) => s.uses?.startsWith("actions/setup-node@") && s.with?.["node-version"] === 22);
    expect(node22).toBeGreaterThan(build.findIndex((s) => s.run === "npm run build"));
    expect(node22).toBeLessThan(install);
  });

  it("pins netlify-cli exactly, with an integrity hash for every package of its tree", async () => {
    const pkg = JSON.parse(await readFile(join(deployDir, "package.json"), "utf8"));
    const lock = JSON.parse(await readFile(join(deployDir, "package-lock.json"), "utf8"));
    const version = pkg.dependencies["netlify-cli"] as string;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(pkg.dependencies)).toEqual(["netlify-cli"]);
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages[""].dependencies).toEqual(pkg.dependencies);
    expect(lock.packages["node_modules/netlify-cli"].version).toBe(version);
    const entries = Object.entries(lock.packages as Record<string, { integrity?: string; link?: boolean; inBundle?: boolean }>).filter(([path]) => path !== "");
    expect(entries.length).toBeGreaterThan(100);
    // Bundled packages ship inside their parent's tarball, which the parent's hash covers.
    for (const [path, entry] of entries) if (!entry.link && !entry.inBundle) expect(entry.integrity, path).toMatch(/^sha512-/);
  });
});
