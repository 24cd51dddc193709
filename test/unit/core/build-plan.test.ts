import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/build-plan';
import type { PlanStep } from '../../../src/core/plan';
import { type TokenRequestInput, TokenRequestSchema } from '../../../src/core/token-request';

const request = (overrides: Partial<TokenRequestInput> = {}) =>
  TokenRequestSchema.parse({
    name: 'Acme-reporting-2024-07-01',
    description: 'Nightly export',
    version: '16',
    primaryContact: 'aiko@acme.example',
    developerEmails: ['dev@acme.example', 'ops@acme.example'],
    scopes: [
      { category: 'Reports', methods: ['GET'] },
      {
        category: 'Actions',
        methods: ['GET'],
        endpoints: [
          { method: 'PUT', path: '/Mediapartners/{AccountSID}/Actions' },
          { method: 'GET', path: '/Mediapartners/{AccountSID}/Actions' },
        ],
      },
    ],
    mode: 'create',
    ...overrides,
  });

describe('buildPlan', () => {
  it('walks the four wizard steps in order and creates in create mode', () => {
    const plan = buildPlan(request());
    expect(plan.steps).toEqual<PlanStep[]>([
      { kind: 'openWizard' },
      { kind: 'expectStep', step: 'setup' },
      { kind: 'fillText', field: 'tokenName', value: 'Acme-reporting-2024-07-01' },
      { kind: 'fillText', field: 'description', value: 'Nightly export' },
      { kind: 'choose', field: 'apiVersion', value: '16' },
      { kind: 'next', from: 'setup' },
      { kind: 'expectStep', step: 'contact' },
      { kind: 'choose', field: 'primaryContact', value: 'aiko@acme.example' },
      { kind: 'addEmails', values: ['dev@acme.example', 'ops@acme.example'] },
      { kind: 'next', from: 'contact' },
      { kind: 'expectStep', step: 'scopes' },
      { kind: 'clearScopes' },
      { kind: 'setCategory', category: 'Reports', on: true },
      { kind: 'setGrants', scope: { category: 'Reports', methods: ['GET'], endpoints: [] } },
      { kind: 'setCategory', category: 'Actions', on: true },
      {
        kind: 'setGrants',
        scope: {
          category: 'Actions',
          methods: ['GET'],
          endpoints: [{ method: 'PUT', path: '/Mediapartners/{AccountSID}/Actions' }],
        },
      },
      { kind: 'next', from: 'scopes' },
      { kind: 'expectStep', step: 'create' },
      {
        kind: 'readBack',
        expect: {
          tokenName: 'Acme-reporting-2024-07-01',
          description: 'Nightly export',
          apiVersion: '16',
          primaryContact: 'aiko@acme.example',
          developerEmails: ['dev@acme.example', 'ops@acme.example'],
          scopes: [
            { category: 'Reports', methods: ['GET'], endpoints: [] },
            {
              category: 'Actions',
              methods: ['GET'],
              endpoints: [{ method: 'PUT', path: '/Mediapartners/{AccountSID}/Actions' }],
            },
          ],
        },
      },
      { kind: 'create' },
      { kind: 'awaitCreated' },
    ]);
    expect(plan.request.name).toBe('Acme-reporting-2024-07-01');
  });

  it('stops at the read-back in review mode', () => {
    const steps = buildPlan(request({ mode: 'review' })).steps;
    expect(steps.at(-1)?.kind).toBe('readBack');
    expect(steps.some((s) => s.kind === 'create' || s.kind === 'awaitCreated')).toBe(false);
  });

  it('leaves out the contact and email steps when there is nothing to set', () => {
    const steps = buildPlan(request({ primaryContact: '', developerEmails: [] })).steps;
    const contactStart = steps.findIndex((s) => s.kind === 'expectStep' && s.step === 'contact');
    expect(steps[contactStart + 1]).toEqual({ kind: 'next', from: 'contact' });
    expect(steps.some((s) => s.kind === 'addEmails')).toBe(false);
  });

  it('merges repeated categories, methods and e-mail addresses', () => {
    const steps = buildPlan(
      request({
        developerEmails: ['a@acme.example', 'A@Acme.example', 'b@acme.example'],
        scopes: [
          { category: 'Ads', methods: ['POST', 'GET'] },
          { category: 'Ads', methods: ['GET', 'DELETE'] },
        ],
      }),
    ).steps;
    expect(steps.filter((s) => s.kind === 'setCategory')).toHaveLength(1);
    const grants = steps.filter((s) => s.kind === 'setGrants');
    expect(grants).toEqual([
      {
        kind: 'setGrants',
        scope: { category: 'Ads', methods: ['GET', 'POST', 'DELETE'], endpoints: [] },
      },
    ]);
    expect(steps.find((s) => s.kind === 'addEmails')).toEqual({
      kind: 'addEmails',
      values: ['a@acme.example', 'b@acme.example'],
    });
    const readBack = steps.find((s) => s.kind === 'readBack');
    expect(readBack?.kind === 'readBack' && readBack.expect.scopes).toEqual([
      { category: 'Ads', methods: ['GET', 'POST', 'DELETE'], endpoints: [] },
    ]);
  });

  it('asks for "latest" as such, leaving the page to say which version that is', () => {
    const steps = buildPlan(request({ version: undefined })).steps;
    expect(steps).toContainEqual({ kind: 'choose', field: 'apiVersion', value: 'latest' });
  });
});
