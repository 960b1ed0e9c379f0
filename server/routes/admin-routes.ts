import { createDesk, createUser, listDesks, listUsers, NewDeskSchema, NewUserSchema } from '../accounts/accounts';
import type { Route } from '../http/router';
import type { RouteDeps } from './deps';

/** Account administration for the admin's own tenant. */
export const adminRoutes = ({ db }: RouteDeps): Route[] => [
  {
    method: 'POST',
    path: '/admin/users',
    async handle(ctx) {
      const admin = ctx.requireUser(['admin']);
      const user = await createUser(db, admin.tenant, await ctx.body(NewUserSchema, 'The user'));
      return { status: 201, body: { user } };
    },
  },
  {
    method: 'GET',
    path: '/admin/users',
    async handle(ctx) {
      const admin = ctx.requireUser(['admin']);
      return { body: { users: await listUsers(db, admin.tenant) } };
    },
  },
  {
    method: 'POST',
    path: '/admin/desks',
    async handle(ctx) {
      const admin = ctx.requireUser(['admin']);
      const { secret, ...desk } = await createDesk(db, admin.tenant, await ctx.body(NewDeskSchema, 'The desk'));
      // The only time the secret is shown: the server keeps its hash.
      return { status: 201, body: { desk, secret } };
    },
  },
  {
    method: 'GET',
    path: '/admin/desks',
    async handle(ctx) {
      const admin = ctx.requireUser(['admin']);
      return { body: { desks: await listDesks(db, admin.tenant) } };
    },
  },
];
