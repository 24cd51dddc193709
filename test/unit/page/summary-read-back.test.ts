// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { summaryPairs } from '../../../src/page/summary';
import { mountWizardPage, unmountAll } from './fixture';
import { request, run } from './helpers';

afterEach(() => {
  unmountAll();
  document.body.innerHTML = '';
});

const base = request({
  version: '15',
  primaryContact: 'ben@acme.example',
  developerEmails: ['dev@acme.example'],
  scopes: [
    { category: 'Jobs', methods: ['GET'], endpoints: [] },
    { category: 'Ads', methods: ['GET', 'PUT'], endpoints: [] },
  ],
  mode: 'create',
});

/** Counts presses of the wizard's Back button: the walk needs three, the summary none. */
function countBacks(): { backs: number } {
  const seen = { backs: 0 };
  document.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element).closest?.('[data-act=back]')) seen.backs++;
    },
    true,
  );
  return seen;
}

describe('read-back from the Create step summary', () => {
  it('reads a full summary where it is and creates, without walking back', async () => {
    const page = mountWizardPage({ fullSummary: true });
    const seen = countBacks();
    expect(await run(base)).toEqual({ status: 'created', readBack: 'summary' });
    expect(seen.backs).toBe(0);
    expect(page.created).toMatchObject([
      { version: 15, contact: 'ben@acme.example', scopes: { Jobs: ['GET'], Ads: ['GET', 'PUT'] } },
    ]);
  });

  it('walks when the summary lacks terms (only name and description)', async () => {
    mountWizardPage();
    const seen = countBacks();
    expect(await run(base)).toEqual({ status: 'created', readBack: 'walk' });
    expect(seen.backs).toBe(3);
  });

  it('a late reset shows in the summary: back to that step, refilled, read again', async () => {
    const page = mountWizardPage({
      fullSummary: true,
      stepDelay: 20,
      lateReset: { field: 'description', afterMs: 30 },
    });
    const seen = countBacks();
    expect(await run(base)).toEqual({ status: 'created', readBack: 'summary' });
    expect(page.fills.description).toBe(2);
    expect(seen.backs).toBe(3);
    expect(page.created).toMatchObject([{ description: base.description }]);
  });

  it('a late contact reset goes back only to Contact information', async () => {
    const page = mountWizardPage({
      fullSummary: true,
      stepDelay: 20,
      lateReset: { field: 'contact', afterMs: 60 },
    });
    const seen = countBacks();
    expect(await run(base)).toEqual({ status: 'created', readBack: 'summary' });
    expect(seen.backs).toBe(2);
    expect(page.created).toMatchObject([{ contact: 'ben@acme.example' }]);
  });

  const stops = [
    ['description', 'setup', "Description is '', expected 'Reads reports for the warehouse'"],
    ['version', 'setup', "API Version is 'Version 16', expected '15'"],
    [
      'contact',
      'contact',
      "Primary Contact is 'Aiko Tanaka <aiko@acme.example>', expected 'ben@acme.example'",
    ],
    ['emails', 'contact', "Developer Emails is '', expected 'dev@acme.example'"],
  ] as const;
  for (const [field, step, reason] of stops)
    it(`a second difference in the summary stops, naming the field (${field})`, async () => {
      const page = mountWizardPage({
        fullSummary: true,
        stepDelay: 10,
        alwaysReset: field,
        resetDelay: field === 'emails' ? 25 : 1,
      });
      expect(await run(base)).toEqual({ status: 'stopped', step, reason, readBack: 'summary' });
      expect(page.created).toEqual([]);
    });

  it('reads the Japanese summary with translated categories', async () => {
    const page = mountWizardPage({ lang: 'ja', translated: true, fullSummary: true });
    expect(await run(base)).toEqual({ status: 'created', readBack: 'summary' });
    expect(page.created).toMatchObject([{ scopes: { Jobs: ['GET'], Ads: ['GET', 'PUT'] } }]);
  });

  it('a description that is the page’s own word for none cannot be told apart: walk', async () => {
    mountWizardPage({ fullSummary: true });
    expect(await run({ ...base, description: 'None' })).toEqual({
      status: 'created',
      readBack: 'walk',
    });
  });
});

describe('summary pairs, as design systems lay them out', () => {
  const pairsOf = (html: string) => {
    document.body.innerHTML = `<div id="root">${html}</div>`;
    return summaryPairs(document.getElementById('root') as Element).map((p) => [
      p.term,
      p.value.textContent?.trim(),
    ]);
  };

  it('a GOV.UK summary list: rows in divs, the Change link is no value', () => {
    expect(
      pairsOf(`<dl>
        <div><dt>Token Name</dt><dd>Nightly</dd><dd><a href="#n">Change<span hidden> name</span></a></dd></div>
        <div><dt>Description</dt><dd>Sync</dd></div></dl>`),
    ).toEqual([
      ['Token Name', 'Nightly'],
      ['Description', 'Sync'],
    ]);
  });

  it('Ant Design bordered Descriptions: two th/td items a row', () => {
    expect(
      pairsOf(`<table><tbody>
        <tr><th>Token Name</th><td>Nightly</td><th>Description</th><td>Sync</td></tr>
        <tr><th>API Version</th><td>Version 15</td></tr></tbody></table>`),
    ).toEqual([
      ['Token Name', 'Nightly'],
      ['Description', 'Sync'],
      ['API Version', 'Version 15'],
    ]);
  });

  it('term/definition divs tied by aria-labelledby; a hidden pair is not shown', () => {
    expect(
      pairsOf(`<div role="term" id="t1">Token Name</div><div role="definition" aria-labelledby="t1">Nightly</div>
        <div hidden><div role="term" id="t2">Description</div><div role="definition" aria-labelledby="t2">Old</div></div>
        <button aria-labelledby="t1">Not a value</button>`),
    ).toEqual([['Token Name', 'Nightly']]);
  });

  it('a dd that names its dt counts once', () => {
    expect(
      pairsOf(`<dl><dt id="a">Token Name</dt><dd aria-labelledby="a">Nightly</dd></dl>`),
    ).toEqual([['Token Name', 'Nightly']]);
  });
});
