import '../fakes/install';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_AUDIT_ENTRIES } from '../../../src/core/audit-log';
import type { CreatedTokenReport } from '../../../src/core/protocol';
import { AUDIT_KEY, appendAuditEntry, clearAudit, loadAudit } from '../../../src/platform/audit';
import { fakeBrowser } from '../fakes/browser';

// The background registers its listeners once, at import, as a service worker does; the fake's
// onMessage therefore stays the same object for the whole file (no resetFakeBrowser here).
await import('../../../src/background/index');

const report = (over: Partial<CreatedTokenReport> = {}): CreatedTokenReport => ({
  name: 'acme-reporting-2026-11-29',
  version: '16',
  scopes: [{ category: 'Reports', methods: ['GET'], endpoints: [] }],
  account: 'Acme Media (1234567)',
  accountKind: 'partner',
  time: '2026-11-29T10:00:00.000Z',
  mode: 'create',
  ...over,
});

/** What a content script in tab 5 sends after a run created a token. */
const fromContent = (entry: unknown) =>
  fakeBrowser.runtime.sendMessageAs({ tab: { id: 5 } }, { type: 'tokenCreated', data: { entry } });

const stored = () => fakeBrowser.storage.local.dump()[AUDIT_KEY];

beforeEach(async () => {
  await fakeBrowser.storage.local.clear();
});

describe('audit log written by the background', () => {
  it('appends a created token reported by a content script', async () => {
    await fromContent(report());
    await fromContent(report({ name: 'second', accountKind: 'brand', version: 'latest' }));
    expect(stored()).toEqual([
      report(),
      report({ name: 'second', accountKind: 'brand', version: 'latest' }),
    ]);
    expect((await loadAudit()).entries.map((e) => e.name)).toEqual([
      'acme-reporting-2026-11-29',
      'second',
    ]);
  });

  it('never stores a field it does not know, such as a secret riding along', async () => {
    await fromContent({
      ...report(),
      authToken: 'tok_SECRET_VALUE',
      scopes: [{ category: 'Reports', methods: ['GET'], secret: 'IRsid-secret' }],
    });
    expect(stored()).toEqual([report()]);
    expect(JSON.stringify(fakeBrowser.storage.local.dump())).not.toMatch(/SECRET|IRsid|secret/);
  });

  it('refuses reports that are not from a tab, or not valid', async () => {
    // The helper page (no tab) cannot write the log through this message.
    await fakeBrowser.runtime.sendMessageAs(
      {},
      { type: 'tokenCreated', data: { entry: report() } },
    );
    await fromContent(report({ version: 'sixteen' }));
    await fromContent(report({ time: 'yesterday' }));
    await fromContent(undefined);
    expect(stored()).toBeUndefined();
  });

  it('cuts an over-long account label rather than losing the entry', async () => {
    await fromContent(report({ account: 'A'.repeat(500) }));
    expect((await loadAudit()).entries[0]?.account).toHaveLength(200);
  });
});

describe('audit log storage', () => {
  it('keeps the newest entries only', async () => {
    const entries = Array.from({ length: MAX_AUDIT_ENTRIES }, (_, i) =>
      report({ name: `token-${i}` }),
    );
    await fakeBrowser.storage.local.set({ [AUDIT_KEY]: entries });
    expect(await appendAuditEntry(report({ name: 'newest' }))).toBe(true);
    const { entries: after } = await loadAudit();
    expect(after).toHaveLength(MAX_AUDIT_ENTRIES);
    expect(after[0]?.name).toBe('token-1');
    expect(after.at(-1)?.name).toBe('newest');
  });

  it('serializes quick appends so none is lost', async () => {
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => appendAuditEntry(report({ name: `t${i}` }))),
    );
    expect((await loadAudit()).entries.map((e) => e.name)).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('shows unreadable entries as a count and keeps them in storage', async () => {
    await fakeBrowser.storage.local.set({ [AUDIT_KEY]: [{ broken: true }, report()] });
    expect(await loadAudit()).toMatchObject({ unreadable: 1, entries: [report()] });
    await appendAuditEntry(report({ name: 'next' }));
    expect(stored()).toEqual([{ broken: true }, report(), report({ name: 'next' })]);
  });

  it('clears the log', async () => {
    await appendAuditEntry(report());
    await clearAudit();
    expect(stored()).toBeUndefined();
    expect(await loadAudit()).toEqual({ entries: [], unreadable: 0 });
  });
});
