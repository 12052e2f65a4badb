/** Stage timings of one build, printed as a JSON line for `npm run bench` when BUILD_STATS=1. */
const started = performance.now();
const stages: Record<string, number> = {};
let mark = started;

export function endStage(name: string): void {
  const now = performance.now();
  stages[name] = (stages[name] ?? 0) + Math.round(now - mark);
  mark = now;
}

export function reportStats(extra: Record<string, unknown>): void {
  const stats = { totalMs: Math.round(performance.now() - started), stages, ...extra };
  if (process.env.BUILD_STATS === "1") console.log(`BUILD_STATS ${JSON.stringify(stats)}`);
}
