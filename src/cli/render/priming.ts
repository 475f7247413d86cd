import type { PrimingResult } from '../../run/analyses/priming.js';
import type { PrimingEffect } from '../../run/analyses/priming-effects.js';
import { formatTable } from './results.js';
import { counted } from './wording.js';

const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}`);
const signed = (value: number | null): string =>
  value === null ? '—' : `${value >= 0 ? '+' : ''}${Math.round(value * 100)}%`;

function effectCell(effect: PrimingEffect | null): string {
  if (!effect) return '—';
  const change = `${percent(effect.baseline)}→${percent(effect.primed)} (${signed(effect.relativeChange)})`;
  if (!('t' in effect.test)) return `${change} ${effect.test.reason}`;
  const p = effect.test.p < 0.001 ? 'p<.001' : `p=${effect.test.p.toFixed(3)}`;
  return `${change} ${p} d=${effect.test.effectSize.toFixed(2)}`;
}

/** Per primed value: expression (%) before → after for the target, its group and the opposite group, with paired tests. */
export function renderPriming(result: PrimingResult): string {
  const head = `Priming ${result.model} (judge ${result.judge}) on ${counted(result.questions, 'question')}; baseline run ${result.baselineRunId}`;
  const table = formatTable(
    ['primed value', 'target % (paired t, d_z)', 'same group %', 'opposite group %'],
    result.values.map((value) => [
      value.valueId,
      effectCell(value.target),
      effectCell(value.sameGroup),
      effectCell(value.oppositeGroup),
    ]),
  );
  const { summary } = result;
  return `${head}\n\n${table}\n\nMean relative change: target ${signed(summary.target)}, same group ${signed(summary.sameGroup)}, opposite group ${signed(summary.oppositeGroup)}`;
}
