import type { Route } from '../http/router';
import type { RouteDeps } from './deps';

export const healthRoutes = ({ db, version }: RouteDeps): Route[] => [
  {
    method: 'GET',
    path: '/health',
    handle: async () => {
      await db.query('SELECT 1');
      return { body: { ok: true, database: db.kind, version } };
    },
  },
];
