/** Escapes text for HTML element content and quoted attribute values (both `"` and `'`). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON safe to place inside `<script type="application/json">`: `<`, `>` and `&` become `\u` escapes
 * (so `</script>` and `<!--` cannot end or change the element) and so do U+2028/U+2029.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A number with a fixed count of decimals, or an en dash when there is none. */
export function formatNumber(value: number | null | undefined, decimals = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}

/** A share as a percentage, e.g. `0.234` → `23.4 %`. */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(decimals)} %`;
}

/** Builds a table: header cells and rows are already-escaped HTML. */
export function htmlTable(options: { head: string[]; rows: string[][]; className?: string }): string {
  const head = options.head.map((cell) => `<th>${cell}</th>`).join('');
  const body = options.rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`);
  const className = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  return `<table${className}><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** A model's label as one unbreakable, escaped element (cut with an ellipsis where space is short; full name on hover). */
export function modelNameHtml(label: string): string {
  const text = escapeHtml(label);
  return `<span class="model-name" title="${text}">${text}</span>`;
}

/** Several model labels, each unbreakable, separated by commas (lines break only between names). */
export function modelNamesHtml(labels: readonly string[]): string {
  return labels.map(modelNameHtml).join(', ');
}
