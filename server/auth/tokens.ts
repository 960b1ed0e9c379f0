import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DeskCodeSchema, RoleSchema } from '../../shared/domain';

/**
 * Bearer tokens: `payload.signature`, both base64url; the signature is HMAC-SHA256 of the payload
 * with a key every server instance reads from the database. Nothing is kept in memory per token,
 * so any instance can check any token.
 */
const UserClaimsSchema = z.object({
  kind: z.literal('user'),
  sub: z.string(),
  tenant: z.string(),
  team: z.string().nullable(),
  role: RoleSchema,
  exp: z.number().int(),
});
const DeskClaimsSchema = z.object({
  kind: z.literal('desk'),
  sub: DeskCodeSchema,
  tenant: z.string(),
  team: z.string().nullable(),
  exp: z.number().int(),
});
export const ClaimsSchema = z.discriminatedUnion('kind', [UserClaimsSchema, DeskClaimsSchema]);
export type Claims = z.infer<typeof ClaimsSchema>;
export type UserClaims = z.infer<typeof UserClaimsSchema>;
export type DeskClaims = z.infer<typeof DeskClaimsSchema>;

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

export function issueToken(key: Buffer, claims: Claims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(key, payload).toString('base64url')}`;
}

export type TokenCheck = { ok: true; claims: Claims } | { ok: false; reason: string };

export function verifyToken(key: Buffer, token: string, now = Date.now()): TokenCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'the token is malformed' };
  const expected = sign(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'the token signature is not valid' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the token is malformed' };
  }
  const claims = ClaimsSchema.safeParse(decoded);
  if (!claims.success) return { ok: false, reason: 'the token is malformed' };
  if (claims.data.exp <= now) return { ok: false, reason: 'the token has expired; sign in again' };
  return { ok: true, claims: claims.data };
}
