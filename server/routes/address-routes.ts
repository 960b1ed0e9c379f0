import {
  AddressChangesQuerySchema,
  AddressImportRowsSchema,
  CommitAddressImportSchema,
  StartAddressImportSchema,
  type AddressChanges,
  type AddressImportOutcome,
} from '../../shared/domain/addresses';
import { addressChanges } from '../addresses/address-changes';
import { addAddressImportRows, commitAddressImport, startAddressImport } from '../addresses/address-import';
import type { Route } from '../http/router';
import type { RouteDeps } from './deps';

/** The city's address list: admins import (start, upload chunks, commit), desks pull. See docs/addresses.md. */
export const addressRoutes = ({ db }: RouteDeps): Route[] => [
  {
    method: 'GET',
    path: '/addresses/changes',
    async handle(ctx) {
      const desk = ctx.requireDesk();
      const query = ctx.query(AddressChangesQuerySchema);
      return { body: (await addressChanges(db, desk.tenant, query.cursor, query.limit)) satisfies AddressChanges };
    },
  },
  {
    method: 'POST',
    path: '/addresses/imports',
    async handle(ctx) {
      const admin = ctx.requireUser(['admin']);
      const input = await ctx.body(StartAddressImportSchema, 'The address import');
      return { status: 201, body: await startAddressImport(db, admin.tenant, admin.sub, input) };
    },
  },
  {
    method: 'POST',
    path: '/addresses/imports/rows',
    async handle(ctx) {
      const admin = ctx.requireUser(['admin']);
      const input = await ctx.body(AddressImportRowsSchema, 'The address rows');
      return { body: await addAddressImportRows(db, admin.tenant, input.importId, input.rows) };
    },
  },
  {
    method: 'POST',
    path: '/addresses/imports/commit',
    async handle(ctx) {
      const admin = ctx.requireUser(['admin']);
      const input = await ctx.body(CommitAddressImportSchema, 'The commit');
      return { body: (await commitAddressImport(db, admin.tenant, input.importId)) satisfies AddressImportOutcome };
    },
  },
];
