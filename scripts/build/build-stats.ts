/**
 * Stage timings of one build, printed as a JSON line for `npm run bench` when BUILD_STATS=1.
 * One per build context, so a rebuild starts from zero.
 */
export class BuildStats {
  private readonly started = performance.now();
  private mark = this.started;
  private readonly stages: Record<string, number> = {};

  endStage(name: string): void {
    const now = performance.now();
    this.stages[name] = (this.stages[name] ?? 0) + Math.round(now - this.mark);
    this.mark = now;
  }

  report(extra: Record<string, unknown>): void {
    const stats = { totalMs: Math.round(performance.now() - this.started), stages: this.stages, ...extra };
    if (process.env.BUILD_STATS === "1") console.log(`BUILD_STATS ${JSON.stringify(stats)}`);
  }
}
