import { DeskSignInRequestSchema, SignInRequestSchema, type DeskSignInResponse, type SignInResponse } from '../../shared/sync';
import { findDeskForSignIn, findUserForSignIn } from '../accounts/accounts';
import { verifyAgainstDecoy, verifySecret } from '../auth/passwords';
import { issueToken } from '../auth/tokens';
import { ApiError } from '../http/api-error';
import type { Route } from '../http/router';
import type { RouteDeps } from './deps';

/** Sign-in for people (POST /auth/sign-in) and desks (POST /auth/desk): short-lived signed tokens. */
export const authRoutes = ({ db, signingKey, userTokenTtlMs, deskTokenTtlMs }: RouteDeps): Route[] => [
  {
    method: 'POST',
    path: '/auth/sign-in',
    async handle(ctx) {
      const request = await ctx.body(SignInRequestSchema, 'The sign-in');
      const found = await findUserForSignIn(db, request.tenant, request.username);
      const ok = found ? await verifySecret(request.password, found.passwordHash) : await verifyAgainstDecoy(request.password);
      if (!found || !ok) throw new ApiError('unauthorized', 'the tenant, username or password is wrong');
      const { passwordHash: _hash, ...user } = found;
      ctx.who = { tenant: user.tenant, user: user.id };
      const exp = Date.now() + userTokenTtlMs;
      const token = issueToken(signingKey, { kind: 'user', sub: user.id, tenant: user.tenant, team: user.team, role: user.role, exp });
      return { body: { token, expiresAt: new Date(exp).toISOString(), user } satisfies SignInResponse };
    },
  },
  {
    method: 'POST',
    path: '/auth/desk',
    async handle(ctx) {
      const request = await ctx.body(DeskSignInRequestSchema, 'The desk sign-in');
      const desk = await findDeskForSignIn(db, request.tenant, request.deskCode);
      const ok = desk ? await verifySecret(request.deskSecret, desk.secretHash) : await verifyAgainstDecoy(request.deskSecret);
      if (!desk || !ok) throw new ApiError('unauthorized', 'the tenant, desk code or desk secret is wrong');
      ctx.who = { tenant: request.tenant, desk: desk.code };
      const exp = Date.now() + deskTokenTtlMs;
      const token = issueToken(signingKey, { kind: 'desk', sub: desk.code, tenant: request.tenant, team: desk.team, exp });
      return { body: { token, expiresAt: new Date(exp).toISOString(), deskCode: desk.code, team: desk.team } satisfies DeskSignInResponse };
    },
  },
];
