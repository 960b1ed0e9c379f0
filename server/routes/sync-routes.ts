import { z } from 'zod';
import { ACCEPTED_SCHEMA_VERSIONS, PullQuerySchema, PushRequestSchema, type ConflictListSchema, type DigestResponse } from '../../shared/sync';
import { ApiError, parseInput } from '../http/api-error';
import { readJson } from '../http/read-body';
import type { Route } from '../http/router';
import { listConflicts } from '../sync/conflicts';
import { tenantDigest } from '../sync/digest';
import { pullChanges } from '../sync/pull';
import { pushMutations } from '../sync/push';
import type { RouteDeps } from './deps';

const accepted = ACCEPTED_SCHEMA_VERSIONS.join(' and ');

/** Checked before the full parse: a newer desk's mutations may not match this server's schemas at all. */
function checkSchemaVersions(body: unknown): void {
  const versions = z
    .object({ schemaVersion: z.unknown(), mutations: z.array(z.object({ schemaVersion: z.unknown() }).loose()).optional() })
    .loose()
    .safeParse(body);
  if (!versions.success) return;
  const given = [versions.data.schemaVersion, ...(versions.data.mutations ?? []).map((m) => m.schemaVersion)];
  const unknown = given.find((v) => typeof v === 'number' && !ACCEPTED_SCHEMA_VERSIONS.includes(v));
  if (unknown !== undefined) {
    throw new ApiError('update_required', `this desk sends sync schema version ${String(unknown)}, but the server accepts only version ${accepted}: update CivicDesk on this desk (or the server)`);
  }
}

export const syncRoutes = ({ db, statistics }: RouteDeps): Route[] => [
  {
    method: 'POST',
    path: '/sync/push',
    async handle(ctx) {
      const desk = ctx.requireDesk();
      const body = await readJson(ctx.req);
      checkSchemaVersions(body);
      const claimed = z.object({ deskCode: z.string() }).loose().safeParse(body);
      if (claimed.success && claimed.data.deskCode !== desk.sub) {
        throw new ApiError('forbidden', `this token belongs to desk ${desk.sub}; it cannot push for desk ${claimed.data.deskCode}`);
      }
      const request = parseInput(PushRequestSchema, body, 'The push');
      const { response, rowsWritten } = await pushMutations(db, desk.tenant, request);
      statistics.rowsWritten(rowsWritten);
      return { body: response };
    },
  },
  {
    method: 'GET',
    path: '/sync/pull',
    async handle(ctx) {
      const desk = ctx.requireDesk();
      const query = ctx.query(PullQuerySchema);
      return { json: await pullChanges(db, desk.tenant, desk.sub, query.cursor, query.limit, query.schema) };
    },
  },
  {
    method: 'GET',
    path: '/sync/digest',
    async handle(ctx) {
      const claims = ctx.authenticate();
      if (claims.kind === 'user' && claims.role === 'specialist') throw new ApiError('forbidden', 'the digest is for desks, leads and admins; you are signed in as specialist');
      return { body: (await tenantDigest(db, claims.tenant)) satisfies DigestResponse };
    },
  },
  {
    method: 'GET',
    path: '/sync/conflicts',
    async handle(ctx) {
      const user = ctx.requireUser(['lead', 'admin']);
      const conflicts = await listConflicts(db, user.tenant, user.role === 'admin' ? 'all' : user.team);
      return { body: { conflicts } satisfies z.infer<typeof ConflictListSchema> };
    },
  },
];
