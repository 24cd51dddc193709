import { describe, expect, it } from 'vitest';
import { expandTemplate, localDate, validateTemplate } from '../../../src/core/name-template';

// Local-time constructor: the date must be the person's calendar day, whatever the time zone.
const lateEvening = new Date(2024, 0, 5, 23, 59);

describe('validateTemplate', () => {
  it('returns unknown placeholders once each, in order', () => {
    expect(validateTemplate('{foo}-{account}-{bar}-{foo}')).toEqual(['{foo}', '{bar}']);
    expect(validateTemplate('{account}-reporting-{date}-{preset}')).toEqual([]);
  });

  it('treats case and spacing as different names, and lone braces as text', () => {
    expect(validateTemplate('{Date} { date }')).toEqual(['{Date}', '{ date }']);
    expect(validateTemplate('a { b } c {')).toEqual(['{ b }']);
    expect(validateTemplate('{}')).toEqual(['{}']);
    expect(validateTemplate('x}{y')).toEqual([]);
  });
});

describe('localDate', () => {
  it('pads month and day and uses the local calendar day', () => {
    expect(localDate(lateEvening)).toBe('2024-01-05');
    expect(localDate(new Date(999, 11, 31))).toBe('0999-12-31');
  });
});

describe('expandTemplate', () => {
  const context = { now: lateEvening, account: 'Acme Media (1234567)', presetName: 'Reporting' };

  it('expands every placeholder, as often as it appears', () => {
    expect(expandTemplate('{account}-{preset}-{date}/{date}', context)).toEqual({
      ok: true,
      value: 'Acme Media (1234567)-Reporting-2024-01-05/2024-01-05',
    });
  });

  it('inserts values literally (no re-expansion, no $& patterns)', () => {
    const odd = { ...context, account: '{date} $& $1', presetName: '$`' };
    expect(expandTemplate('{account}|{preset}', odd)).toEqual({
      ok: true,
      value: '{date} $& $1|$`',
    });
  });

  it('refuses an unknown account only when the template needs it', () => {
    const noAccount = { now: lateEvening, presetName: 'P' };
    expect(expandTemplate('{account}-x', noAccount)).toEqual({
      ok: false,
      error: 'account-unknown',
    });
    expect(expandTemplate('{account}-x', { ...noAccount, account: '   ' })).toEqual({
      ok: false,
      error: 'account-unknown',
    });
    expect(expandTemplate('{preset}-{date}', noAccount)).toEqual({
      ok: true,
      value: 'P-2024-01-05',
    });
  });

  it('refuses unknown placeholders, naming them', () => {
    expect(expandTemplate('{account}-{team}', context)).toEqual({
      ok: false,
      error: 'unknown-placeholder',
      placeholders: ['{team}'],
    });
  });
});
