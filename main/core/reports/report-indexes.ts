import type { ReadableDb } from '../db/connection';
import { indexDeferred } from '../sync/bulk-pull';

/**
 * The indexes reports read (desk migrations 1, 8 and 13), named with `INDEXED BY`: left alone, the
 * planner reads a whole year through the table rather than the covering index, which is ten
 * times slower.
 */
export type ReportIndex = 'cases_by_created' | 'cases_report_groups' | 'cases_report_channel' | 'cases_by_settled' | 'cases_open' | 'case_events_article_links';

/** `INDEXED BY name`, or nothing while a desk's first pull has the index waiting (sync/bulk-pull.ts): slower, still right. */
export const indexedBy = (db: ReadableDb, name: ReportIndex): string => (indexDeferred(db, name) ? '' : `INDEXED BY ${name}`);
