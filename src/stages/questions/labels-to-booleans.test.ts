import { describe, expect, it } from 'vitest';
import { SCHWARTZ_THEORY } from '../../core/theories.js';
import { labelsToBooleans } from './labels-to-booleans.js';

const theory = SCHWARTZ_THEORY;
const labels = { security: 'expressed', power: 'violated' } as const;
const unnamed = {
  self_direction: false,
  stimulation: false,
  hedonism: false,
  achievement: false,
  conformity: false,
  tradition: false,
  benevolence: false,
  universalism: false,
};

describe('labelsToBooleans', () => {
  it('counts a violated value as expressed by default: arguing against Power still speaks to Power', () => {
    expect(labelsToBooleans({ labels, theory })).toEqual({ ...unnamed, security: true, power: true });
  });

  it("counts a violated value as not expressed with 'absent'", () => {
    expect(labelsToBooleans({ labels, theory, violated: 'absent' })).toEqual({
      ...unnamed,
      security: true,
      power: false,
    });
  });

  it("leaves a violated value out with 'skip', and names every other value of the theory", () => {
    const marks = labelsToBooleans({ labels, theory, violated: 'skip' });
    expect(marks).toEqual({ ...unnamed, security: true });
    expect(Object.keys(marks)).toHaveLength(9);
    expect(marks).not.toHaveProperty('power');
  });

  it('marks every value false for a text labelled with none', () => {
    expect(Object.values(labelsToBooleans({ labels: {}, theory }))).toEqual(Array(10).fill(false));
  });
});
