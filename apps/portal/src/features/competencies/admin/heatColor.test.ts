import { describe, expect, it } from 'vitest';
import { contrastRatio, HEAT_STEPS, heatStep, percentLabel, relativeLuminance } from './heatColor';

describe('heat map colours', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(() => relativeLuminance('blue')).toThrow();
  });

  it.each(HEAT_STEPS.map((s) => [s.from, s]))('keeps AA text contrast on the %s%% step', (_from, step) => {
    expect(contrastRatio(step.background, step.text)).toBeGreaterThanOrEqual(4.5);
  });

  it('covers 0..100% without gaps and darkens as the share grows', () => {
    expect(HEAT_STEPS[0].from).toBe(0);
    expect(HEAT_STEPS[HEAT_STEPS.length - 1].to).toBe(100);
    for (let i = 1; i < HEAT_STEPS.length; i++) {
      expect(HEAT_STEPS[i].from).toBe(HEAT_STEPS[i - 1].to);
      expect(relativeLuminance(HEAT_STEPS[i].background)).toBeLessThan(relativeLuminance(HEAT_STEPS[i - 1].background));
    }
  });

  it('puts a share in its step, clamping the ends', () => {
    expect(heatStep(0)).toBe(HEAT_STEPS[0]);
    expect(heatStep(0.2)).toBe(HEAT_STEPS[1]);
    expect(heatStep(0.6667)).toBe(HEAT_STEPS[3]);
    expect(heatStep(1)).toBe(HEAT_STEPS[4]);
    expect(heatStep(1.5)).toBe(HEAT_STEPS[4]);
    expect(heatStep(-1)).toBe(HEAT_STEPS[0]);
  });

  it('labels a share in whole percent, never rounding up to 100%', () => {
    expect(percentLabel(4 / 6)).toBe('67%');
    expect(percentLabel(0.996)).toBe('99%');
    expect(percentLabel(1)).toBe('100%');
    expect(percentLabel(0)).toBe('0%');
  });
});
