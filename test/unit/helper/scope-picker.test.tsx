// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanStep } from '../../../src/core/plan';
import type { ScopeCatalog } from '../../../src/core/scopes';
import { ACME, openHelper, preset, resetBrowser, seed } from './team-fixtures';
import { openPreset, startNewPreset } from './views';

afterEach(cleanup);

const P = '/Mediapartners/{AccountSID}';
const scopes = () => screen.getByRole('group', { name: 'Scopes' });
const box = (name: string) => within(scopes()).getByRole('checkbox', { name });
const boxes = (name: RegExp) => within(scopes()).getAllByRole('checkbox', { name });
const expand = (category: string) =>
  fireEvent.click(within(scopes()).getByRole('button', { name: category }));
const expanded = (category: string) =>
  within(scopes()).getByRole('button', { name: category }).getAttribute('aria-expanded');
const countOf = (category: string) =>
  within(scopes())
    .getByRole('button', { name: category })
    .getAttribute('aria-describedby') as string;
const countText = (category: string) => document.getElementById(countOf(category))?.textContent;
const status = () => screen.getByRole('status').textContent ?? '';

async function openOn(info = ACME, extra: Parameters<typeof resetBrowser>[0] = {}) {
  const page = resetBrowser({ info, ...extra });
  openHelper();
  fireEvent.input(await startNewPreset(), {
    target: { value: 'picker-test' },
  });
  return page;
}

describe('scope picker', () => {
  it('grants a whole method, one endpoint, and sends both with their summaries', async () => {
    const page = await openOn();
    // Away from a seen scopes step: the public catalog (partner v16), categories collapsed.
    expect(within(scopes()).getByText(/published API reference/)).toBeTruthy();
    expect(expanded('Actions')).toBe('false');
    fireEvent.click(box('Actions GET'));
    // The category stays closed (the list stays short); opened, every GET endpoint is granted.
    expect(expanded('Actions')).toBe('false');
    expand('Actions');
    const actions = boxes(/^Actions GET \//);
    expect(actions).toHaveLength(6);
    expect(actions.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(countText('Actions')).toBe('6 of 6 GET');

    expand('Reports');
    const reports = box(`Reports GET ${P}/Reports List all available reports`);
    fireEvent.click(reports);
    expect(reports).toHaveProperty('checked', true);
    expect(box('Reports GET')).toHaveProperty('checked', false);
    expect(countText('Reports')).toBe('1 of 4 GET');

    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() => expect(status()).toMatch(/Ready for review$/));
    expect(page.requests[0]?.scopes).toEqual([
      { category: 'Actions', methods: ['GET'], endpoints: [] },
      {
        category: 'Reports',
        methods: [],
        endpoints: [{ method: 'GET', path: `${P}/Reports`, summary: 'List all available reports' }],
      },
    ]);
  });

  it('unticking an endpoint under a method grant keeps the others, pinned', async () => {
    await openOn();
    fireEvent.click(box('Actions GET'));
    expand('Actions');
    fireEvent.click(box(`Actions GET ${P}/Actions List Actions`));
    expect(box('Actions GET')).toHaveProperty('checked', false);
    expect(boxes(/^Actions GET \//).filter((b) => (b as HTMLInputElement).checked)).toHaveLength(5);
    expect(countText('Actions')).toBe('5 of 6 GET');
    fireEvent.click(box(`Actions GET ${P}/Actions List Actions`));
    expect(box('Actions GET')).toHaveProperty('checked', true);
  });

  it('filters categories and endpoints by words and by method', async () => {
    await openOn();
    const filter = screen.getByRole('searchbox', { name: 'Filter scopes' });
    fireEvent.input(filter, { target: { value: 'report' } });
    // A matching category is listed open; one that does not match is not listed.
    expect(expanded('Reports')).toBe('true');
    expect(within(scopes()).queryByRole('button', { name: 'Actions' })).toBeNull();
    expect(box(`Reports GET ${P}/ReportExport/{Id} Export a report (asynchronous)`)).toBeTruthy();

    fireEvent.input(filter, { target: { value: 'GET' } });
    expect(within(scopes()).queryByRole('button', { name: 'Tracking Links' })).toBeNull();
    expect(box('Accounts GET')).toBeTruthy();
    expect(within(scopes()).queryByRole('checkbox', { name: 'Accounts PUT' })).toBeNull();

    fireEvent.input(filter, { target: { value: 'nothing-like-this' } });
    expect(within(scopes()).getByText('No category or endpoint matches the filter.')).toBeTruthy();
    fireEvent.input(filter, { target: { value: '' } });
    expect(box('Accounts PUT')).toBeTruthy();
  });

  it('marks write grants, and GET only keeps the GET grants and pinned GET endpoints', async () => {
    await openOn();
    fireEvent.click(box('Accounts PUT'));
    fireEvent.click(box('Tax Documents GET'));
    expand('Tax Documents');
    fireEvent.click(
      box(`Tax Documents POST ${P}/TaxDocument/Complete Complete tax document submission`),
    );
    const pinned = box(
      `Tax Documents POST ${P}/TaxDocument/Complete Complete tax document submission`,
    ).closest('li') as HTMLElement;
    expect(pinned.textContent).toContain('⚠ write access');
    expect((box('Accounts PUT').closest('.method') as HTMLElement).textContent).toContain(
      '⚠ write access',
    );
    expect(within(scopes()).getByRole('note').textContent).toContain(
      `Write access: Accounts PUT, Tax Documents POST ${P}/TaxDocument/Complete.`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'GET only' }));
    expect(box('Accounts PUT')).toHaveProperty('checked', false);
    expect(box('Tax Documents GET')).toHaveProperty('checked', true);
    expect(
      box(`Tax Documents POST ${P}/TaxDocument/Complete Complete tax document submission`),
    ).toHaveProperty('checked', false);
    expect(within(scopes()).queryByText(/Write access/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(within(scopes()).getByText('Choose at least one scope.')).toBeTruthy();
  });

  it('marks a pinned endpoint the page lacks, and stops before the page, naming it', async () => {
    const offered: ScopeCatalog = [
      {
        category: 'Reports',
        methods: ['GET'],
        endpoints: [{ method: 'GET', path: `${P}/Reports`, summary: 'List all available reports' }],
      },
    ];
    const page = resetBrowser({ info: { ...ACME, versions: ['16'], scopes: offered } });
    const gone = { method: 'GET' as const, path: `${P}/Reports/{Id}` };
    await seed(
      [preset('p', 'Pinned', [{ category: 'Reports', methods: [], endpoints: [gone] }])],
      'p',
    );
    openHelper();
    await openPreset('Pinned');
    // Opened with the preset: its category is open, and the row the page lacks is marked.
    const row = await screen.findByRole('checkbox', { name: `Reports GET ${P}/Reports/{Id}` });
    expect(row).toHaveProperty('checked', true);
    expect(row.closest('li')?.textContent).toContain('⚠ not offered on this page');
    expect(within(scopes()).getByText('Categories as this page offers them.')).toBeTruthy();
    expect(within(scopes()).queryByRole('button', { name: 'Actions' })).toBeNull();
    expect(
      within(scopes()).getByText(`⚠ not offered on this page: Reports GET ${P}/Reports/{Id}`),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
    await waitFor(() =>
      expect(status()).toBe(
        `Stopped: API scopes — Reports GET ${P}/Reports/{Id} is not offered on this page`,
      ),
    );
    expect(page.requests).toEqual([]);
  });
});

/** Renders per component name, counted by Preact's own render hook. */
function countRenders() {
  const counts = new Map<string, number>();
  const previous = options.diffed;
  options.diffed = (vnode: VNode) => {
    const type = vnode.type as { name?: string } | string;
    if (typeof type === 'function' && type.name)
      counts.set(type.name, (counts.get(type.name) ?? 0) + 1);
    previous?.(vnode);
  };
  return {
    of: (name: string) => counts.get(name) ?? 0,
    reset: () => counts.clear(),
    stop: () => {
      options.diffed = previous;
    },
  };
}

describe('scope picker with 500 endpoints', () => {
  // 50 categories of 10 endpoints each, as a page could show them.
  const big: ScopeCatalog = Array.from({ length: 50 }, (_, c) => ({
    category: `Category ${c}`,
    methods: ['GET', 'POST'],
    endpoints: Array.from({ length: 10 }, (_, e) => ({
      method: e < 8 ? ('GET' as const) : ('POST' as const),
      path: `${P}/Things${c}/${e}`,
      summary: `Thing ${c}.${e}`,
    })),
  }));
  const steps: PlanStep[] = Array.from({ length: 40 }, (_, i) => ({
    kind: 'fillText',
    field: 'tokenName',
    value: `step ${i}`,
  }));

  it('renders each category once, nothing per progress message, and one per click', async () => {
    const renders = countRenders();
    try {
      await openOn({ ...ACME, versions: ['16'], scopes: big }, { steps });
      // Role queries walk the whole tree: on 500 rows, plain selectors keep the test quick.
      const named = (name: string) =>
        document.querySelector(`input[aria-label="${CSS.escape(name)}"]`) as HTMLInputElement;
      // Every method grant is there; endpoint rows are rendered only for an open category.
      await waitFor(() => expect(named('Category 7 GET')).toBeTruthy());
      expect(document.querySelectorAll('ul.endpoints input[type=checkbox]')).toHaveLength(0);
      // Start-up: every category rendered a bounded number of times (page info, catalogs load).
      expect(renders.of('CategoryRow')).toBeLessThanOrEqual(2 * big.length);

      renders.reset();
      fireEvent.click(named('Category 7 GET'));
      expect(named('Category 7 GET')).toHaveProperty('checked', true);
      // One click: the picker and the one category it changed.
      expect(renders.of('ScopePicker')).toBe(1);
      expect(renders.of('CategoryRow')).toBe(1);

      renders.reset();
      fireEvent.click(screen.getByRole('button', { name: 'Fill form' }));
      await waitFor(() => expect(status()).toMatch(/Ready for review$/));
      // 40 progress messages and the outcome re-render the status line, never the picker.
      expect(renders.of('App')).toBeGreaterThan(1);
      expect(renders.of('ScopePicker')).toBe(0);
      expect(renders.of('CategoryRow')).toBe(0);
    } finally {
      renders.stop();
    }
  }, 60_000);
});
