// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildPlan, readBackExpectation } from '../../../src/core/build-plan';
import type { PlanStep } from '../../../src/core/plan';
import { runPlan } from '../../../src/page/driver';
import { mountWizardPage, unmountAll } from './fixture';
import { request, run } from './helpers';

afterEach(unmountAll);

const base = request({
  version: '15',
  primaryContact: 'ben@acme.example',
  developerEmails: ['dev@acme.example'],
  scopes: [{ category: 'Jobs', methods: ['GET'], endpoints: [] }],
  mode: 'create',
});

describe('late resets: filled once more, then read again', () => {
  it('refills a description the page reset after the fill, and creates the right token', async () => {
    const page = mountWizardPage({
      // The reset lands after the fill (a few ms) and long before read-back (> 100 ms).
      stepDelay: 20,
      lateReset: { field: 'description', afterMs: 30 },
    });
    expect(await run(base)).toEqual({ status: 'created', readBack: 'walk' });
    expect(page.fills.description).toBe(2);
    expect(page.created).toMatchObject([{ description: base.description }]);
  });

  it('re-chooses a version the page reset to its default', async () => {
    const page = mountWizardPage({ stepDelay: 20, lateReset: { field: 'version', afterMs: 40 } });
    expect(await run(base)).toEqual({ status: 'created', readBack: 'walk' });
    expect(page.created).toMatchObject([{ version: 15 }]);
  });

  it('re-chooses a primary contact the page reset when its users loaded', async () => {
    const page = mountWizardPage({ stepDelay: 20, lateReset: { field: 'contact', afterMs: 60 } });
    expect(await run(base)).toEqual({ status: 'created', readBack: 'walk' });
    expect(page.created).toMatchObject([{ contact: 'ben@acme.example' }]);
  });
});

describe('differences that do not go away stop the run before Create', () => {
  const cases = [
    // An emptied name is caught by the page itself when Next is pressed: its words are kept.
    ['tokenName', 'setup', 'Token Name is required.'],
    ['description', 'setup', "Description is '', expected 'Reads reports for the warehouse'"],
    ['version', 'setup', "API Version is 'Version 16 (Latest)', expected '15'"],
    [
      'contact',
      'contact',
      "Primary Contact is 'Aiko Tanaka <aiko@acme.example>', expected 'ben@acme.example'",
    ],
  ] as const;
  for (const [field, step, reason] of cases) {
    it(`${field} reset after every fill`, async () => {
      const page = mountWizardPage({ stepDelay: 5, alwaysReset: field });
      // The page's own refusal of an empty name comes before read-back: no read-back path.
      const path = field === 'tokenName' ? {} : { readBack: 'walk' };
      expect(await run(base)).toEqual({ status: 'stopped', step, reason, ...path });
      expect(page.created).toEqual([]);
    });
  }

  it('developer email tags the page drops', async () => {
    const page = mountWizardPage({ stepDelay: 10, alwaysReset: 'emails', resetDelay: 25 });
    expect(await run(base)).toEqual({
      status: 'stopped',
      step: 'contact',
      reason: "Developer Emails is '', expected 'dev@acme.example'",
      readBack: 'walk',
    });
    expect(page.created).toEqual([]);
  });

  it('a scope the page keeps on although it was not requested', async () => {
    const page = mountWizardPage({ preselected: { Ads: ['DELETE'] }, stuck: 'Ads' });
    // Without Clear All, so the extra scope is met by read-back.
    const steps = buildPlan(base).steps.filter((s) => s.kind !== 'clearScopes');
    const outcome = await runPlan(steps, { signal: new AbortController().signal, timeout: 300 });
    expect(outcome).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: 'Ads did not turn off',
      readBack: 'walk',
    });
    expect(page.created).toEqual([]);
  });
});

describe('read-back makes the page match the expectation exactly', () => {
  it('unticks extras and ticks what is missing', async () => {
    const page = mountWizardPage({ preselected: { Ads: ['GET'], Jobs: ['POST'] } });
    const steps: PlanStep[] = buildPlan(base).steps.filter(
      (s) => s.kind !== 'clearScopes' && s.kind !== 'setGrants',
    );
    const outcome = await runPlan(steps, { signal: new AbortController().signal, timeout: 500 });
    expect(outcome).toEqual({ status: 'created', readBack: 'walk' });
    expect(page.created).toMatchObject([{ scopes: { Jobs: ['GET'] } }]);
  });

  it('stops on an expected scope the page does not offer', async () => {
    const page = mountWizardPage();
    const steps = buildPlan(base).steps.map((s) =>
      s.kind === 'readBack'
        ? {
            ...s,
            expect: readBackExpectation({
              ...base,
              scopes: [...base.scopes, { category: 'Reports', methods: ['PUT'], endpoints: [] }],
            }),
          }
        : s,
    );
    const outcome = await runPlan(steps, { signal: new AbortController().signal, timeout: 500 });
    expect(outcome).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: 'Reports PUT is not offered on this page',
      readBack: 'walk',
    });
    expect(page.created).toEqual([]);
  });

  it('reads the Japanese page with translated categories', async () => {
    const page = mountWizardPage({ lang: 'ja', translated: true, stepDelay: 10 });
    const outcome = await run({
      ...base,
      scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
    });
    expect(outcome).toEqual({ status: 'created', readBack: 'walk' });
    expect(page.created).toMatchObject([{ scopes: { Reports: ['GET'] } }]);
  });
});
