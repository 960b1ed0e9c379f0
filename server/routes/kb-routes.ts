import type { Route } from '../http/router';
import type { RouteDeps } from './deps';

/** Knowledge-base articles: leads and admins edit, desks pull. */
export const kbRoutes = (_deps: RouteDeps): Route[] => [];
