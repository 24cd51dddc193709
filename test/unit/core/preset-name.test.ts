import { describe, expect, it } from 'vitest';
import { isLegibleName, PresetSchema } from '../../../src/core/preset';
import { makePreset } from './fixtures';

describe('preset names', () => {
  it('accepts names a person can read, in any script', () => {
    for (const name of ['Reporting', 'レポート', 'Ads – read only', 'é', '🙂', 'a\u200bb'])
      expect(isLegibleName(name), name).toBe(true);
  });

  it('refuses names with nothing visible in them', () => {
    for (const name of [
      '\u200b',
      '\u200b\u200c\u200d\u2060',
      '\ufeff',
      '\u3164',
      '\u0301',
      '\u2800',
    ])
      expect(isLegibleName(name), JSON.stringify(name)).toBe(false);
  });

  it('refuses bidi controls, which can make a name display as something else', () => {
    for (const name of ['read\u202e-only', '\u2066admin\u2069', 'x\u200f', 'x\u061c'])
      expect(isLegibleName(name), JSON.stringify(name)).toBe(false);
    const parsed = PresetSchema.safeParse({ ...makePreset(), name: 'read-only\u202eETELED' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/bidi control/);
  });
});
