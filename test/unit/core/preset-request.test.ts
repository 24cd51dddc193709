import { describe, expect, it } from 'vitest';
import { requestFromPreset } from '../../../src/core/preset-request';
import { makePreset } from './fixtures';

const now = new Date(2024, 6, 1, 9, 0);

describe('requestFromPreset', () => {
  it('expands the name and carries every field into the request', () => {
    const result = requestFromPreset(makePreset(), { now, account: 'Acme', mode: 'create' });
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Acme-reporting-2024-07-01',
        description: 'Nightly report export',
        version: '16',
        primaryContact: 'aiko@acme.example',
        developerEmails: ['dev@acme.example'],
        scopes: [
          { category: 'Reports', methods: ['GET'], endpoints: [] },
          { category: 'Actions', methods: ['GET', 'PUT'], endpoints: [] },
        ],
        mode: 'create',
      },
    });
  });

  it('passes template errors through', () => {
    expect(requestFromPreset(makePreset(), { now, mode: 'review' })).toEqual({
      ok: false,
      error: 'account-unknown',
    });
  });

  it('refuses a name that grows past the request limit once expanded', () => {
    const preset = makePreset({ nameTemplate: `${'n'.repeat(190)}-{account}` });
    const result = requestFromPreset(preset, { now, account: 'A'.repeat(20), mode: 'review' });
    expect(result).toMatchObject({ ok: false, error: 'invalid-request' });
    expect(!result.ok && 'detail' in result && result.detail).toMatch(/^name: /);
  });
});
