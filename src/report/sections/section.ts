import type { QuestionSplit } from '../question-splits.js';
import type { ReportData } from '../report-data.js';

/** What every section may read: the data and a few lookups computed once per report. */
export interface ReportContext {
  data: ReportData;
  /** Display label of a model id (its configured label, else the id). */
  labelOf(modelId: string): string;
  /** Display name of a value id. */
  valueName(valueId: string): string;
  /** Questions ordered by how much the models' answers differ on them, most first. */
  splits: QuestionSplit[];
}

/** A section's markup and the inline scripts it needs (each is allowed by its hash in the page's CSP). */
export interface SectionOutput {
  /** Escaped HTML placed inside the section element. */
  html: string;
  scripts?: string[];
  /** CSS rules to add to the page's stylesheet (e.g. chart hover states); never untrusted text. */
  styles?: string[];
}

/** One section of the report; add a new one to `REPORT_SECTIONS` in `sections/index.ts`. */
export interface ReportSection {
  /** Element id and anchor, e.g. `radar`. */
  id: string;
  title: string;
  /** The section's content, or undefined to leave the section out of this report. */
  render(context: ReportContext): SectionOutput | undefined;
}
