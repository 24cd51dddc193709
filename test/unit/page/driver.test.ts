// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/build-plan';
import type { PlanStep } from '../../../src/core/plan';
import { runPlan } from '../../../src/page/driver';
import { mountWizardPage, unmountAll } from './fixture';
import { request, run } from './helpers';

afterEach(unmountAll);

const full = request({
  version: '15',
  primaryContact: 'ben@acme.example',
  developerEmails: ['dev@acme.example', 'ops@acme.example'],
  scopes: [
    { category: 'Jobs', methods: ['GET', 'POST'] },
    { category: 'Reports', methods: ['GET'] },
  ],
});

const fullState = {
  tokenName: 'Nightly sync',
  description: 'Reads reports for the warehouse',
  version: 15,
  contact: 'ben@acme.example',
  emails: ['dev@acme.example', 'ops@acme.example'],
  scopes: { Jobs: ['GET', 'POST'], Reports: ['GET'] },
};

const fullRecord = {
  name: 'Nightly sync',
  description: 'Reads reports for the warehouse',
  version: 15,
  contact: 'ben@acme.example',
  emails: ['dev@acme.example', 'ops@acme.example'],
  scopes: { Jobs: ['GET', 'POST'], Reports: ['GET'] },
};

describe('review mode', () => {
  it('fills every step and stops at Create, filled', async () => {
    const page = mountWizardPage();
    const labels: string[] = [];
    const outcome = await run(full, {
      onProgress: (p) => labels.push(`${p.index + 1}/${p.total} ${p.step.kind}`),
    });
    expect(outcome).toEqual({ status: 'ready-for-review', readBack: 'walk' });
    expect(page.state.step).toBe(3);
    expect(page.state).toMatchObject(fullState);
    expect(page.created).toEqual([]);
    const total = buildPlan(full).steps.length;
    expect(labels[0]).toBe(`1/${total} openWizard`);
    expect(labels.at(-1)).toBe(`${total}/${total} readBack`);
  });

  it('works on the Japanese page: translated categories, native selects, no <html lang>', async () => {
    const page = mountWizardPage({
      lang: 'ja',
      htmlLang: false,
      translated: true,
      nativeSelects: true,
      emailsLabel: '追加の開発者メール',
    });
    expect(await run(full)).toEqual({ status: 'ready-for-review', readBack: 'walk' });
    expect(page.state).toMatchObject(fullState);
  });

  it('walks a wizard left open at a later step back to Setup and replaces what it held', async () => {
    const page = mountWizardPage({ open: true, preselected: { Ads: ['GET', 'DELETE'] } });
    Object.assign(page.state, {
      step: 2,
      tokenName: 'left over',
      emails: ['old@acme.example', 'dev@acme.example'],
    });
    page.render();
    expect(await run(full)).toEqual({ status: 'ready-for-review', readBack: 'walk' });
    // The leftover tag is gone: read-back made the list exactly the requested one.
    expect(page.state).toMatchObject({
      ...fullState,
      emails: ['dev@acme.example', 'ops@acme.example'],
    });
  });
});

describe('create mode', () => {
  it('presses Create, confirms, sees the success dialog, never reads the secret', async () => {
    const page = mountWizardPage({ confirm: true });
    expect(await run({ ...full, mode: 'create' })).toEqual({ status: 'created', readBack: 'walk' });
    expect(page.created).toEqual([fullRecord]);
    expect(page.secret()).not.toBeNull();
    expect(page.secretReads).toEqual([]);
    // The trap works: reading the secret is recorded.
    void page.secret()?.textContent;
    expect(page.secretReads).toEqual(['code.textContent']);
  });

  it('creates without a confirm step too', async () => {
    const page = mountWizardPage();
    expect(await run({ ...full, mode: 'create' })).toEqual({ status: 'created', readBack: 'walk' });
    expect(page.created).toEqual([fullRecord]);
    expect(page.secretReads).toEqual([]);
  });
});

describe('no page text after Create', () => {
  it('an alert after Create (it may hold the token) is reported, never in its words', async () => {
    const page = mountWizardPage({ secretNotice: true });
    const outcome = await run({ ...full, mode: 'create' });
    expect(outcome).toEqual({
      status: 'stopped',
      step: 'create',
      reason: 'the page showed a message after Create',
      readBack: 'walk',
    });
    expect(JSON.stringify(outcome)).not.toContain('SECRET');
    expect(page.created).toEqual([fullRecord]);
  });
});

describe('refusals stop the run, in the page’s words, before anything is created', () => {
  it('a duplicate name (role=alert after Next)', async () => {
    const page = mountWizardPage({ takenNames: ['Nightly sync'] });
    expect(await run({ ...full, mode: 'create' })).toEqual({
      status: 'stopped',
      step: 'setup',
      reason: 'A token with this name already exists.',
    });
    expect(page.created).toEqual([]);
  });

  it('an address the page refuses', async () => {
    mountWizardPage();
    expect(await run(request({ developerEmails: ['dev@localhost'] }))).toEqual({
      status: 'stopped',
      step: 'contact',
      reason: 'Enter a valid email address.',
    });
  });

  it('a requested method the page does not offer (found during the scope step)', async () => {
    const page = mountWizardPage();
    const outcome = await run(
      request({ scopes: [{ category: 'Reports', methods: ['GET', 'POST'] }], mode: 'create' }),
    );
    expect(outcome).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: 'Reports POST is not offered on this page',
    });
    expect(page.state.step).toBe(2);
    expect(page.created).toEqual([]);
  });

  it('a requested category the page does not offer', async () => {
    mountWizardPage();
    expect(await run(request({ scopes: [{ category: 'Catalogs', methods: ['GET'] }] }))).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: 'Catalogs is not offered on this page',
    });
  });

  it('a label impact.com renamed', async () => {
    mountWizardPage({ rename: { tokenName: 'Token Title' } });
    expect(await run(full, { timeout: 400 })).toEqual({
      status: 'stopped',
      step: 'setup',
      reason: 'Token Name (textbox) not found',
    });
  });

  it('a version the page does not offer', async () => {
    mountWizardPage();
    expect(await run(request({ version: '99' }))).toEqual({
      status: 'stopped',
      step: 'setup',
      reason: "API Version '99' is not offered on this page",
    });
  });
});

describe('one run at a time, and cancel', () => {
  it('refuses a second run while one is in progress', async () => {
    const page = mountWizardPage();
    const first = run(full);
    const second = await run(full);
    expect(second).toEqual({
      status: 'stopped',
      step: 'setup',
      reason: 'another run is already in progress on this page',
    });
    expect(await first).toEqual({ status: 'ready-for-review', readBack: 'walk' });
    expect(page.state).toMatchObject(fullState);
  });

  it('stops at the next wait when aborted, as cancelled', async () => {
    const page = mountWizardPage();
    const controller = new AbortController();
    const outcome = await run(full, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step.kind === 'clearScopes') controller.abort();
      },
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(page.state.step).toBe(2);
    expect(page.state.scopes).toEqual({});
  });

  it('does not call it cancelled once Create was pressed', async () => {
    const page = mountWizardPage({ confirm: true });
    const controller = new AbortController();
    const outcome = await run(
      { ...full, mode: 'create' },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.step.kind === 'awaitCreated') controller.abort();
        },
      },
    );
    expect(outcome).toMatchObject({ status: 'stopped', step: 'create' });
    expect(outcome.status === 'stopped' && outcome.reason).toMatch(/Create was pressed/);
    expect(page.created).toEqual([]);
  });

  it('allows a new run after one ended', async () => {
    mountWizardPage({ takenNames: ['Nightly sync'] });
    expect((await run(full)).status).toBe('stopped');
    unmountAll();
    mountWizardPage();
    expect((await run(full)).status).toBe('ready-for-review');
  });
});

describe('hand-built plans', () => {
  it('executes exactly the given steps (the plan is data)', async () => {
    const page = mountWizardPage();
    const steps: PlanStep[] = [
      { kind: 'openWizard' },
      { kind: 'expectStep', step: 'setup' },
      { kind: 'fillText', field: 'tokenName', value: 'Only a name' },
      { kind: 'next', from: 'setup' },
      { kind: 'expectStep', step: 'contact' },
    ];
    const outcome = await runPlan(steps, { signal: new AbortController().signal, timeout: 500 });
    // No readBack step in this plan: the outcome says no read-back path.
    expect(outcome).toEqual({ status: 'ready-for-review' });
    expect(page.state).toMatchObject({ step: 1, tokenName: 'Only a name', description: '' });
  });

  it('stops when the page is not on the expected step', async () => {
    mountWizardPage({ open: true });
    const outcome = await runPlan([{ kind: 'expectStep', step: 'scopes' }], {
      signal: new AbortController().signal,
      timeout: 50,
    });
    expect(outcome).toEqual({
      status: 'stopped',
      step: 'scopes',
      reason: 'expected the API scopes step, page shows Setup',
    });
  });
});
