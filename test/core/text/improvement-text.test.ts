import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/core/text/legal-text.js';

describe('the reason of an extension considered', () => {
  it('shows the required improvement and its half with the same decimals, so that the half is visibly half', () => {
    // b = 32.54, t = 20: required 12.54, half 6.27; reached 32.54 − 28 = 4.54.
    const text = reasonText({
      code: 'improvement_not_reached',
      goal: 'offers',
      baseline: 32.54,
      current: 28,
      threshold: 20,
      required: 12.54,
      reached: 4.54,
      needed: 6.27,
      sufficient: false,
    });
    expect(text).toContain('Påkrævet fremgang 12,54 pct.-point, opnået 4,54 pct.-point');
    expect(text).toContain('under de 6,27 pct.-point (halvdelen)');
  });
});
