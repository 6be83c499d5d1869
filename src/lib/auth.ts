import { HttpRefusal } from '../errors';

const enc = new TextEncoder();

/** Constant-time: both sides are hashed to equal-length digests, then compared with timingSafeEqual. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([
    crypto.subtle.digest('SHA-256', enc.encode(a)),
    crypto.subtle.digest('SHA-256', enc.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(da, db);
}

export type Credential = { ok: true; token: string } | { ok: false; refusal: HttpRefusal };

/**
 * Checks the bearer token against the `ADMIN_TOKEN` secret; a missing or short secret locks writes
 * rather than opening them. Answers instead of throwing, so the caller can charge a failure to the
 * client's failed-auth budget and a success to the token's own.
 */
export async function checkAdmin(authorization: string | undefined, secret: string | undefined): Promise<Credential> {
  if (!secret || secret.length < 16)
    return {
      ok: false,
      refusal: new HttpRefusal(401, 'Writes are disabled', 'ADMIN_TOKEN is not configured (at least 16 characters).', {
        'WWW-Authenticate': 'Bearer realm="border-stats-admin"',
      }),
    };
  const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization ?? '');
  if (!m || !(await sameSecret(m[1]!, secret)))
    return {
      ok: false,
      refusal: new HttpRefusal(401, 'Unauthorized', 'A valid bearer token is required.', {
        'WWW-Authenticate': 'Bearer realm="border-stats-admin", error="invalid_token"',
      }),
    };
  return { ok: true, token: m[1]! };
}

/** A short, stable name for a token in budget keys: never the token itself. */
export async function tokenKey(token: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(`budget:${token}`)));
  return `token:${[...d.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
