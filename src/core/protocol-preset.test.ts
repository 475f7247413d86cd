import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from './config.js';
import { applyProtocol, PAPER_PRESET, valueAt } from './protocol-preset.js';

describe('the paper preset', () => {
  const config = AdaemConfigSchema.parse({
    evaluate: { temperature: 0.3, samples: 2 },
    generate: { budget: 40, weights: { vc: 2 } },
  });

  it('puts every preset value over the config and names what it set aside', () => {
    const { config: applied, record, setAside } = applyProtocol(config, 'paper');
    expect(applied.protocol).toBe('paper');
    for (const setting of PAPER_PRESET) expect(valueAt(applied, setting.key)).toBe(setting.value);
    // Settings outside the preset stay the config's, also beside a preset key.
    expect(applied.evaluate.samples).toBe(2);
    expect(applied.generate.budget).toBe(40);
    expect(applied.generate.weights.vc).toBe(2);
    expect(setAside).toEqual([{ key: 'evaluate.temperature', config: 0.3, preset: 1 }]);
    expect(record.settings.find((setting) => setting.key === 'evaluate.trueskill.tau')).toEqual({
      key: 'evaluate.trueskill.tau',
      value: 25 / 300,
      adaemDefault: 0,
    });
    expect(config.evaluate.temperature).toBe(0.3); // the input is left alone
  });

  it('is idempotent, and a config that says paper is applied without naming it again', () => {
    const once = applyProtocol(config, 'paper').config;
    const twice = applyProtocol(once);
    expect(twice.config).toEqual(once);
    expect(twice.setAside).toEqual([]);
    expect(applyProtocol({ ...config, protocol: 'paper' }).config).toEqual(once);
  });

  it('leaves a config under the adaem protocol as it is', () => {
    const { config: applied, record } = applyProtocol(config);
    expect(applied).toBe(config);
    expect(record).toEqual({ name: 'adaem', settings: [] });
  });
});
