import type { CaseFilters } from '../../../../shared/contract';
import { CASE_STATUSES, type CaseKind, type CaseStatus, type Channel } from '../../../../shared/domain';
import { localDayBoundary } from './format';

/** The filter bar as the agent left it: empty strings mean "any". */
export interface FilterState {
  text: string;
  status: CaseStatus[];
  channel: Channel | '';
  kind: CaseKind | '';
  departmentCode: string;
  /** Date inputs' values, YYYY-MM-DD. */
  createdFrom: string;
  createdTo: string;
}

export const NO_FILTERS: FilterState = { text: '', status: [], channel: '', kind: '', departmentCode: '', createdFrom: '', createdTo: '' };

export const hasFilters = (state: FilterState): boolean =>
  state.text.trim() !== '' ||
  state.status.length > 0 ||
  state.channel !== '' ||
  state.kind !== '' ||
  state.departmentCode !== '' ||
  state.createdFrom !== '' ||
  state.createdTo !== '';

/** The listCases filters for the bar, or the problem that keeps it from being a query. */
export function toCaseFilters(state: FilterState): { filters: CaseFilters; problem: null } | { filters: null; problem: string } {
  const createdFrom = state.createdFrom ? localDayBoundary(state.createdFrom, 'start') : null;
  const createdTo = state.createdTo ? localDayBoundary(state.createdTo, 'end') : null;
  if (state.createdFrom && !createdFrom) return { filters: null, problem: 'Created from is not a date.' };
  if (state.createdTo && !createdTo) return { filters: null, problem: 'Created to is not a date.' };
  if (createdFrom && createdTo && state.createdFrom > state.createdTo) {
    return { filters: null, problem: 'Created from must not be after Created to.' };
  }
  const text = state.text.trim();
  const filters: CaseFilters = {
    ...(state.status.length > 0 ? { status: CASE_STATUSES.filter((s) => state.status.includes(s)) } : {}),
    ...(state.channel ? { channel: [state.channel] } : {}),
    ...(state.kind ? { kind: [state.kind] } : {}),
    ...(state.departmentCode ? { departmentCode: [state.departmentCode] } : {}),
    ...(createdFrom ? { createdFrom } : {}),
    ...(createdTo ? { createdTo } : {}),
    ...(text ? { text: text.slice(0, 200) } : {}),
  };
  return { filters, problem: null };
}

/**
 * Where the agent was in the list, kept while they look at a case: App unmounts the list then, and
 * "Back to cases" should land on the same query and row.
 */
export interface ListPlace {
  filters: FilterState;
  activeIndex: number;
  scrollOffset: number;
}

let place: ListPlace = { filters: NO_FILTERS, activeIndex: 0, scrollOffset: 0 };

export const rememberedPlace = (): ListPlace => place;

export function rememberPlace(next: ListPlace): void {
  place = next;
}
