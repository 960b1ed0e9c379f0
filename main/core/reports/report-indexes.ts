/**
 * The indexes reports read (desk migration 8), named with `INDEXED BY`: left alone, the planner
 * reads a whole year through the table rather than the covering index, which is ten times slower.
 */
export const REPORT_INDEX_NAMES = ['cases_report_groups', 'cases_report_channel', 'cases_by_settled', 'cases_open'] as const;
export type ReportIndex = (typeof REPORT_INDEX_NAMES)[number];

export const indexedBy = (name: ReportIndex): string => `INDEXED BY ${name}`;
