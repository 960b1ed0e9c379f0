import type { ReportCaseFilter, ReportScope } from '../../../../shared/contract';

/** The cases behind one figure: what reportCases needs back, and how the list is titled. */
export interface Drill {
  /** e.g. "Channel: Phone", "Open at shift end". */
  title: string;
  /** e.g. "Day shift, Tue, Jun 14, 2022" or "Jan 1, 2022 to Dec 31, 2022". */
  context: string;
  count: number;
  /** The report's time zone: the list shows times on the same clock as the report. */
  timeZone: string;
  window: { from: string; to: string };
  scope: ReportScope;
  filter: ReportCaseFilter;
}

/** What a figure knows of itself; the report it belongs to adds the window, scope and context. */
export interface FigureDrill {
  title: string;
  count: number;
  filter: ReportCaseFilter;
}

/** Opens the list of a figure's cases; the screen remembers `opener` to give focus back to it. */
export type OnDrill = (figure: FigureDrill, opener: HTMLElement | null) => void;
