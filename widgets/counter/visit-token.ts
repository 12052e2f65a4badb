import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * The token a page view must carry to be counted: `<issued ms, base 36>.<random id>.<HMAC>`.
 * The server issues it (GET /api/visits) and signs it with VISITS_SECRET, so a client can
 * neither invent one nor choose its id or time. The id becomes the visit's key, so a
 * token counts at most once; the issue time decides the minute it is counted in, so no
 * visit can arrive for a minute once its tokens have expired.
 */

export const TOKEN_TTL_MS = 2 * 60_000;
/** How far ahead of our clock an issue time may be (another instance's clock). */
const CLOCK_SKEW_MS = 5_000;
const MIN_SECRET_LENGTH = 32;
const TOKEN = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export type TokenCheck =
  | { ok: true; id: string; issued: number }
  | { ok: false; status: 400 | 403; error: string };

/** The secret if it is long enough to sign with; a short one is as bad as none. */
export function usableSecret(secret: string | undefined): string | undefined {
  return secret && secret.length >= MIN_SECRET_LENGTH ? secret : undefined;
}

const sign = (secret: string, body: string) => createHmac("sha256", secret).update(`visit:${body}`).digest("base64url");

export function issueToken(secret: string, now: number): string {
  const body = `${now.toString(36)}.${randomBytes(16).toString("base64url")}`;
  return `${body}.${sign(secret, body)}`;
}

export function checkToken(secret: string, token: unknown, now: number): TokenCheck {
  const m = typeof token === "string" ? TOKEN.exec(token) : null;
  if (!m) return { ok: false, status: 400, error: "token must be the one GET /api/visits gave" };
  const expected = Buffer.from(sign(secret, `${m[1]}.${m[2]}`));
  if (!timingSafeEqual(expected, Buffer.from(m[3]!))) return { ok: false, status: 403, error: "token was not issued by this site" };
  const issued = parseInt(m[1]!, 36);
  if (issued > now + CLOCK_SKEW_MS) return { ok: false, status: 403, error: "token is from the future" };
  if (now - issued > TOKEN_TTL_MS) return { ok: false, status: 403, error: "token has expired: fetch a new one" };
  return { ok: true, id: m[2]!, issued };
}
