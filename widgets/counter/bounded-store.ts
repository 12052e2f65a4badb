import type { Store } from "@netlify/blobs";

/*
 * Netlify Blobs calls that give up quickly. The Blobs client retries a failed call
 * up to 5 times, 5 s apart (that is how a request hung for 50 s in an outage), and
 * reports a conditional write as done for any answer but 412. So every call goes
 * through a fetch of ours that has a deadline and hands the client only answers it
 * will not retry; a failure is remembered beside it and the call throws
 * StoreUnavailable, whatever the client made of the answer.
 */

type Fetch = typeof globalThis.fetch;

class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the visit store failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface VisitStore {
  /** A blob's text, or null if absent. */
  get(key: string): Promise<string | null>;
  /** Keys and etags (the local Blobs server gives etags only here, not with a read). */
  list(prefix: string): Promise<{ key: string; etag: string }[]>;
  /** Writes only if the key is new; false if it existed. */
  create(key: string, data: string): Promise<boolean>;
  /** Writes only if the blob still has this etag; false if it changed. */
  replace(key: string, data: string, etag: string): Promise<boolean>;
  remove(key: string): Promise<void>;
}

/** `open` builds a Blobs store that makes its requests with the fetch it is given. */
export function boundedStore(open: (fetch: Fetch) => Store, timeoutMs: number): VisitStore {
  async function call<T>(run: (store: Store) => Promise<T>): Promise<T> {
    let failure: unknown;
    const deadline = AbortSignal.timeout(timeoutMs);
    const fetch: Fetch = async (input, init) => {
      // A read may go again at once if the connection broke (a dropped keep-alive); a write may
      // have landed, so it never does.
      for (let tries = init?.method === "get" ? 2 : 1; tries > 0; tries--) {
        try {
          const res = await globalThis.fetch(input, { ...init, signal: deadline });
          if (res.status < 500 && res.status !== 429) {
            failure = undefined;
            return res;
          }
          failure = new Error(`Blobs answered ${res.status}`);
          break;
        } catch (error) {
          failure = error;
          if (deadline.aborted) break;
        }
      }
      return new Response(null, { status: 400 }); // not retried by the client; the call fails below
    };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs + 50);
    });
    try {
      const result = await Promise.race([run(open(fetch)), late]);
      if (failure) throw failure;
      return result;
    } catch (error) {
      throw error instanceof StoreUnavailable ? error : new StoreUnavailable(failure ?? error);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (key) => call((s) => s.get(key, { type: "text" }) as Promise<string | null>),
    list: (prefix) => call(async (s) => (await s.list({ prefix })).blobs),
    create: (key, data) => call(async (s) => (await s.set(key, data, { onlyIfNew: true })).modified),
    replace: (key, data, etag) => call(async (s) => (await s.set(key, data, { onlyIfMatch: etag })).modified),
    remove: (key) => call((s) => s.delete(key)),
  };
}
