import { escapeHtml } from '../html.js';
import { EXPLORER_SCRIPT } from './explorer-client.js';
import type { ReportSection } from './section.js';

/** A searchable, filterable list of every question with every model's answer (built in the browser). */
export const explorerSection: ReportSection = {
  id: 'explorer',
  title: 'Question explorer',
  render(context) {
    const total = context.data.questions.length;
    const html = `<p>Search the ${total} questions (text, id, category and key points), filter them, and read every
model's answer. The answers are packed into this file and unpacked when the page has loaded.</p>
<div id="explorer-app" data-state="loading">
  <div class="controls">
    <input type="search" data-role="search" placeholder="search questions and key points" aria-label="search" disabled>
    <select data-role="category" aria-label="category" disabled><option value="">every category</option></select>
    <select data-role="problem" aria-label="answers" disabled>
      <option value="">every question</option>
      <option value="refusal">with a refusal</option>
      <option value="unusable">with an unparseable or failed answer</option>
      <option value="unjudged">with an answer not fully judged</option>
    </select>
    <select data-role="sort" aria-label="order" disabled>
      <option value="run">run order</option>
      <option value="split">most split first</option>
    </select>
  </div>
  <p data-role="status" class="meta">Unpacking ${escapeHtml(String(total))} questions…</p>
  <div data-role="list"></div>
  <button type="button" data-role="more" hidden>show more</button>
</div>`;
    return { html, scripts: [EXPLORER_SCRIPT] };
  },
};
