import { type AuditEntry, AuditEntrySchema, appendAudit } from '../core/audit-log';
import type { RequestMap } from '../core/protocol';
import { ext as browser } from './ext';
import type { Runtime } from './messaging';

/**
 * The audit log: tokens created through the extension, in storage.local (this browser only; it is
 * a record of what happened here, not a setting to sync). The background writes it when a content
 * script reports a created token; the helper reads, exports and clears it.
 *
 *   storage.local  auditLog   AuditEntry[], oldest first, at most MAX_AUDIT_ENTRIES
 *
 * Entries are validated on the way in (AuditEntrySchema is strict: an extra field such as a secret
 * is refused, not stored) and on the way out. An unreadable entry is shown as a count and kept as
 * it is, so a bug elsewhere cannot silently shorten the record.
 */

export const AUDIT_KEY = 'auditLog';

export interface LoadedAudit {
  entries: AuditEntry[];
  /** Stored entries that failed validation (kept in storage, not shown). */
  unreadable: number;
}

async function readRaw(): Promise<unknown[]> {
  const raw = (await browser.storage.local.get(AUDIT_KEY))[AUDIT_KEY];
  return Array.isArray(raw) ? raw : [];
}

export async function loadAudit(): Promise<LoadedAudit> {
  const entries: AuditEntry[] = [];
  let unreadable = 0;
  for (const item of await readRaw()) {
    const parsed = AuditEntrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
    else unreadable++;
  }
  return { entries, unreadable };
}

/** Appends are read-modify-write: one at a time, so two quick reports cannot drop each other. */
let writing: Promise<unknown> = Promise.resolve();

/** Validates and appends one entry; resolves false (and stores nothing) when it is not valid. */
export function appendAuditEntry(entry: unknown): Promise<boolean> {
  const parsed = AuditEntrySchema.safeParse(entry);
  if (!parsed.success) return Promise.resolve(false);
  const run = writing.then(async () => {
    // appendAudit keeps the newest MAX_AUDIT_ENTRIES; unreadable items stay in their place.
    const next = appendAudit((await readRaw()) as AuditEntry[], parsed.data);
    await browser.storage.local.set({ [AUDIT_KEY]: next });
    return true;
  });
  writing = run.catch(() => undefined);
  return run;
}

export async function clearAudit(): Promise<void> {
  await writing;
  await browser.storage.local.remove(AUDIT_KEY);
}

/** Calls `onChange` whenever the audit log changes (the background appended, another page cleared). */
export function watchAudit(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && AUDIT_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The background's `tokenCreated` handler. Only a content script in a tab can report a created
 * token; the report is copied field by field (so nothing extra rides along) before validation.
 */
export async function recordCreatedToken(
  data: RequestMap['tokenCreated']['req'] | undefined,
  sender: Runtime.MessageSender,
): Promise<undefined> {
  if (sender.tab?.id === undefined || sender.id !== browser.runtime.id) return undefined;
  const report = data?.entry;
  if (typeof report !== 'object' || report === null) return undefined;
  await appendAuditEntry({
    name: report.name,
    version: report.version,
    scopes: report.scopes,
    // The page's account label is free text; a long one is cut rather than losing the entry.
    account: typeof report.account === 'string' ? report.account.slice(0, 200) : report.account,
    accountKind: report.accountKind,
    time: report.time,
    mode: report.mode,
  });
  return undefined;
}
