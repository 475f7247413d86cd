import { escapeHtml, modelNameHtml, modelNamesHtml } from '../html.js';
import type { ReportSection } from './section.js';

/** What the run recorded before its first call: models, judge, settings, seeds, prompt hashes, versions. */
export const manifestSection: ReportSection = {
  id: 'manifest',
  title: 'Run manifest',
  render({ data }) {
    const { manifest } = data;
    const protocol = manifest.protocol;
    const facts: [string, string][] = [
      ...(protocol
        ? [
            [
              'protocol',
              protocol.name === 'paper'
                ? `paper — the authors’ settings: ${protocol.settings.map((setting) => `${setting.key} ${setting.value}`).join(', ')}`
                : `${protocol.name} — adaem’s documented defaults`,
            ] as [string, string],
          ]
        : []),
      ['adaem version', manifest.adaemVersion],
      ['git revision', manifest.gitRevision],
      ['Node.js', manifest.nodeVersion],
      ['started', manifest.createdAt],
      ['command line', manifest.argv.join(' ')],
      ['seed', String(manifest.seed)],
      ['examinees', manifest.examinees.join(', ')],
      ['judge', `${manifest.judge} (${manifest.judgeMode})`],
      ['samples', String(manifest.samples)],
      ['max error rate', String(manifest.maxErrorRate)],
      ['max cost', manifest.maxCost === null ? 'none' : `$${manifest.maxCost}`],
      [
        'questions',
        `${manifest.questions.count} from ${manifest.questions.source} (hash ${manifest.questions.hash})`,
      ],
      ['simulated models', data.simulatedModels.join(', ') || 'none'],
      ...(data.generatedAt ? [['report rendered', data.generatedAt] as [string, string]] : []),
    ];
    // Model ids as unbreakable elements; every other fact as escaped text.
    const asHtml: Record<string, string> = {
      examinees: modelNamesHtml(manifest.examinees),
      judge: `${modelNameHtml(manifest.judge)} (${escapeHtml(manifest.judgeMode)})`,
      'simulated models': data.simulatedModels.length > 0 ? modelNamesHtml(data.simulatedModels) : 'none',
    };
    const list = facts.map(
      ([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${asHtml[name] ?? escapeHtml(value)}</dd>`,
    );
    const hashes = Object.entries(manifest.promptHashes)
      .map(([name, hash]) => `<dt>${escapeHtml(name)}</dt><dd><code>${escapeHtml(hash)}</code></dd>`)
      .join('');
    const html = `<dl class="facts">${list.join('')}</dl>
<h3>Prompt template hashes</h3><dl class="facts">${hashes}</dl>
<details><summary><h3>Settings</h3></summary><pre>${escapeHtml(JSON.stringify(manifest.settings, null, 2))}</pre></details>`;
    return { html };
  },
};
