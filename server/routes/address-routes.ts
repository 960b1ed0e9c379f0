import type { Route } from '../http/router';
import type { RouteDeps } from './deps';

/** The city's address list: admins import, desks pull. */
export const addressRoutes = (_deps: RouteDeps): Route[] => [];
