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

/** Bearer token from the `ADMIN_TOKEN` secret; a missing secret locks writes rather than opening them. */
export async function requireAdmin(authorization: string | undefined, secret: string | undefined): Promise<void> {
  const challenge = { 'WWW-Authenticate': 'Bearer realm="border-stats-admin"' };
  if (!secret || secret.length < 16) {
    throw new HttpRefusal(
      401,
      'Writes are disabled',
      'ADMIN_TOKEN is not configured (at least 16 characters).',
      challenge,
    );
  }
  const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization ?? '');
  if (!m || !(await sameSecret(m[1]!, secret))) {
    throw new HttpRefusal(401, 'Unauthorized', 'A valid bearer token is required.', {
      'WWW-Authenticate': 'Bearer realm="border-stats-admin", error="invalid_token"',
    });
  }
}
