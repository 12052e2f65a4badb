// `npm run test:times`: every test file's own time, its imports and hooks (builds in beforeAll, browsers) included, longest
// first, and their sum beside the run's wall time. Vitest's own reporters give test times without the hooks.
import type { Reporter, TestModule } from "vitest/node";

export default class FileTimesReporter implements Reporter {
  private readonly started = performance.now();

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules
      .map((module) => {
        const d = module.diagnostic();
        // Imports (collect) and the run of the file, hooks included.
        return { file: module.relativeModuleId, seconds: (d.prepareDuration + d.collectDuration + d.setupDuration + d.duration) / 1000 };
      })
      .sort((a, b) => b.seconds - a.seconds);
    const sum = rows.reduce((total, row) => total + row.seconds, 0);
    const wall = (performance.now() - this.started) / 1000;
    console.log("\nseconds per test file, hooks included (longest first):");
    for (const row of rows) console.log(`${row.seconds.toFixed(1).padStart(7)}  ${row.file}`);
    console.log(`${sum.toFixed(0).padStart(7)}  in all, over ${wall.toFixed(0)} s of wall time`);
  }
}
