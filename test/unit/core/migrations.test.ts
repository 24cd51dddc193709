import { describe, expect, it } from 'vitest';
import { formatVersionOf, MIGRATIONS, migrate, type V1State } from '../../../src/core/migrations';
import { CURRENT_FORMAT_VERSION, loadState } from '../../../src/core/stored-state';

const v1: V1State = {
  presets: [
    {
      id: 'reporting',
      name: 'Reporting',
      token: '{account}-reporting-{date}',
      description: 'Nightly',
      apiVersion: 15,
      contact: 'aiko@acme.example',
      emails: ['dev@acme.example'],
      scopes: { Reports: ['GET'], Actions: ['PUT', 'GET'], Ads: [] },
      updated: Date.UTC(2023, 10, 2, 8, 30),
    },
    {
      id: 'id with spaces',
      name: 'Minimal',
      token: 'minimal-{date}',
      scopes: { 'Promo Codes': ['GET'] },
      updated: 1e20,
    },
  ],
  defaultPreset: 'id with spaces',
  openAutomatically: true,
};

describe('migrations', () => {
  it('form one chain from version 1 to the current version', () => {
    let version = 1;
    for (const step of MIGRATIONS) {
      expect(step.from).toBe(version);
      version = step.to;
    }
    expect(version).toBe(CURRENT_FORMAT_VERSION);
  });

  it('read a missing formatVersion as version 1', () => {
    expect(formatVersionOf({ presets: [] })).toBe(1);
    expect(formatVersionOf({ formatVersion: 2 })).toBe(2);
    expect(formatVersionOf({ formatVersion: 1.5 })).toBeUndefined();
    expect(formatVersionOf([])).toBeUndefined();
  });

  it('migrate a version 1 state to the current format', () => {
    const result = loadState(structuredClone(v1));
    expect(result.quarantined).toBeUndefined();
    expect(result.migratedFrom).toBe(1);
    expect(result.state).toEqual({
      formatVersion: CURRENT_FORMAT_VERSION,
      presets: [
        {
          id: 'reporting',
          name: 'Reporting',
          nameTemplate: '{account}-reporting-{date}',
          description: 'Nightly',
          version: '15',
          primaryContact: 'aiko@acme.example',
          developerEmails: ['dev@acme.example'],
          // Empty categories granted nothing and are dropped; methods come out in canonical order.
          scopes: [
            { category: 'Reports', methods: ['GET'], endpoints: [] },
            { category: 'Actions', methods: ['GET', 'PUT'], endpoints: [] },
          ],
          updatedAt: '2023-11-02T08:30:00.000Z',
        },
        {
          // A v1 id that cannot be a storage key gets a new one; the default follows it.
          id: 'migrated-2',
          name: 'Minimal',
          nameTemplate: 'minimal-{date}',
          description: '',
          version: 'latest',
          primaryContact: '',
          developerEmails: [],
          scopes: [{ category: 'Promo Codes', methods: ['GET'], endpoints: [] }],
          updatedAt: '1970-01-01T00:00:00.000Z',
        },
      ],
      defaultPresetId: 'migrated-2',
      settings: { openAutomatically: true },
    });
  });

  it('give repeated v1 ids distinct new ones', () => {
    const twice = {
      presets: [
        { id: 'same', name: 'A', token: 'a', scopes: { Ads: ['GET'] }, updated: 0 },
        { id: 'same', name: 'B', token: 'b', scopes: { Ads: ['GET'] }, updated: 0 },
      ],
    };
    const ids = loadState(twice).state.presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('quarantine corrupt version 1 data with the version and path in the error', () => {
    const corrupt = { presets: [{ ...v1.presets[0], scopes: { Reports: ['FETCH'] } }] };
    const result = loadState(corrupt);
    expect(result.state.presets).toEqual([]);
    expect(result.quarantined).toEqual({
      raw: corrupt,
      error: 'version 1 data: presets[0].scopes.Reports[0]: expected GET, POST, PUT or DELETE',
      reason: 'invalid',
    });
  });

  it('quarantine v1 data that migrates but breaks a current rule', () => {
    const tooLong = { presets: [{ ...v1.presets[0], name: 'n'.repeat(500) }] };
    expect(loadState(tooLong).quarantined?.error).toMatch(/^presets\[0\]\.name: Too big/);
  });

  it('do not touch data from a newer version', () => {
    expect(migrate({ formatVersion: 99 }, CURRENT_FORMAT_VERSION)).toMatchObject({
      ok: false,
      newer: true,
    });
  });
});
