import { escapeHtml } from '../html.js';
import type { ReportSection } from './section.js';

/** What the run found, in a few sentences, before anything else (computed with the results). */
export const findingsSection: ReportSection = {
  id: 'findings',
  title: 'Findings',
  render({ data }) {
    const sentences = data.results.findings?.sentences ?? [];
    if (sentences.length === 0) return undefined;
    return {
      html: `<ul class="findings">${sentences.map((sentence) => `<li>${escapeHtml(sentence)}</li>`).join('')}</ul>
<p class="meta">From the expression rates of this run (share of scored answers that expressed each value); intervals and counts below.</p>`,
    };
  },
};
