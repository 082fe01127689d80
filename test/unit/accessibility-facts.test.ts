import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKED_SCREENS, REVIEWED_AT } from '../../client/accessibility/facts';

describe('the accessibility statement says only what the tests check', () => {
  it('names test files that exist and run axe or drive the keyboard', () => {
    for (const row of CHECKED_SCREENS) {
      expect(existsSync(row.test), row.test).toBe(true);
      const source = readFileSync(row.test, 'utf8');
      if (row.kind === 'axe') expect(source, row.test).toMatch(/axe|expectNoAxeViolations|checkA11y/i);
      else expect(source, row.test).toMatch(/keyboard\.press\(['"](Tab|Enter|Arrow)/);
    }
  });

  it('carries a review date', () => {
    expect(REVIEWED_AT).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
