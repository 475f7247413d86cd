import { analysesSection } from './analyses.js';
import { categoriesSection } from './categories.js';
import { explorerSection } from './explorer.js';
import { findingsSection } from './findings.js';
import { generationSection } from './generation.js';
import { heatmapSection } from './heatmap.js';
import { manifestSection } from './manifest.js';
import { overviewSection } from './overview.js';
import { problemsSection } from './problems.js';
import { radarSection } from './radar.js';
import { ratesSection } from './rates.js';
import type { ReportSection } from './section.js';
import { splitsSection } from './splits.js';
import { usageSection } from './usage.js';

export type { ReportContext, ReportSection, SectionOutput } from './section.js';

/** The report's sections in page order; a new section is one file and one line here. */
export const REPORT_SECTIONS: readonly ReportSection[] = [
  findingsSection,
  overviewSection,
  radarSection,
  heatmapSection,
  ratesSection,
  categoriesSection,
  splitsSection,
  explorerSection,
  generationSection,
  problemsSection,
  analysesSection,
  usageSection,
  manifestSection,
];
