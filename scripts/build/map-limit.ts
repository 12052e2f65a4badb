import { availableParallelism } from "node:os";

/** Like Promise.all over `items.map(fn)`, with at most `limit` calls running at once. */
export async function mapLimit<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  limit = availableParallelism(),
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
