import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { Role } from '../../shared/domain';
import { verifyToken, type Claims, type DeskClaims, type UserClaims } from '../auth/tokens';
import { ApiError, parseInput } from './api-error';
import { readJson } from './read-body';

/** What a handler gets: the request, and checks that throw the right error when they fail. */
export class RequestContext {
  /** Who asked, for the request log. */
  who: { tenant?: string; desk?: string; user?: string } = {};

  constructor(
    readonly req: IncomingMessage,
    readonly url: URL,
    private readonly signingKey: Buffer,
  ) {}

  /** The caller's verified token claims, or 401. */
  authenticate(): Claims {
    const header = this.req.headers.authorization;
    if (!header) throw new ApiError('unauthorized', 'sign in first: this request needs an Authorization: Bearer token');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError('unauthorized', 'the Authorization header must be "Bearer <token>"');
    const check = verifyToken(this.signingKey, match[1]!);
    if (!check.ok) throw new ApiError('unauthorized', check.reason);
    const claims = check.claims;
    this.who = { tenant: claims.tenant, ...(claims.kind === 'desk' ? { desk: claims.sub } : { user: claims.sub }) };
    return claims;
  }

  requireDesk(): DeskClaims {
    const claims = this.authenticate();
    if (claims.kind !== 'desk') throw new ApiError('forbidden', 'this endpoint is for desks: sign in with the desk code and secret');
    return claims;
  }

  requireUser(roles: readonly Role[]): UserClaims {
    const claims = this.authenticate();
    if (claims.kind !== 'user') throw new ApiError('forbidden', `this endpoint is for people signed in as ${roles.join(' or ')}, not desks`);
    if (!roles.includes(claims.role)) throw new ApiError('forbidden', `this needs the ${roles.join(' or ')} role; you are signed in as ${claims.role}`);
    return claims;
  }

  async body<T>(schema: z.ZodType<T>, what = 'The request body'): Promise<T> {
    return parseInput(schema, await readJson(this.req), what);
  }

  query<T>(schema: z.ZodType<T>): T {
    return parseInput(schema, Object.fromEntries(this.url.searchParams), 'The query string');
  }
}
