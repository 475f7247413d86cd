export { type RenderedReport, type RenderReportOptions, renderReport } from './render-report.js';
export type {
  ReportAnswer,
  ReportCounts,
  ReportData,
  ReportManifest,
  ReportPoint,
  ReportQuestion,
  ReportResults,
  ReportUsageRow,
  ReportValueResult,
} from './report-data.js';
export {
  REPORT_SECTIONS,
  type ReportContext,
  type ReportSection,
  type SectionOutput,
} from './sections/index.js';
