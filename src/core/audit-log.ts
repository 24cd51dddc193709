import { z } from 'zod';
import { grantLabels, ScopeSchema } from './scopes';
import { ApiVersionSchema, RunModeSchema } from './token-request';

/**
 * A record of each run, for the person's own review and for export to whoever audits API access.
 * It holds what was asked for and where, never a secret: the schema is strict, so an entry that
 * somehow carries an extra field (an Auth Token, an Account SID) is refused rather than stored.
 */

export const AuditEntrySchema = z.strictObject({
  /** The token name as created (template already expanded). */
  name: z.string().min(1).max(200),
  version: ApiVersionSchema,
  scopes: z.array(ScopeSchema),
  /** The account as the page showed it, e.g. "Acme Media (1234567)". */
  account: z.string().max(200),
  accountKind: z.enum(['partner', 'brand']),
  /** When the run finished, ISO 8601 UTC. */
  time: z.iso.datetime(),
  mode: RunModeSchema,
});
export type AuditEntry = z.output<typeof AuditEntrySchema>;

export const AUDIT_FORMAT = 'impact-token-audit';
/** Kept in storage.local; the oldest entries go first. */
export const MAX_AUDIT_ENTRIES = 500;

/** Appends without mutating; keeps the newest MAX_AUDIT_ENTRIES. */
export const appendAudit = (log: readonly AuditEntry[], entry: AuditEntry): AuditEntry[] =>
  [...log, entry].slice(-MAX_AUDIT_ENTRIES);

const CSV_COLUMNS = [
  'time',
  'account',
  'accountKind',
  'name',
  'version',
  'mode',
  'scopes',
] as const;

/**
 * One CSV cell. Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return,
 * per OWASP) as a formula, and a token name is free text. A spreadsheet that splits on another
 * separator (`;` in much of Europe, tab, `|`) or on line breaks starts a new cell after it, so a
 * `'` goes before any = + - @ at the start or after any of those (spaces between count too):
 * `a;=1+1` becomes `a;'=1+1`. Then RFC 4180, always quoted, inner quotes doubled, so no cell's
 * content is ever read as structure.
 */
export const csvCell = (value: string): string => {
  const safe = value.replace(/(^|[,;|\t\r\n])( *)(?=[=+\-@\t\r])/g, "$1$2'");
  return `"${safe.replaceAll('"', '""')}"`;
};

/** Scopes in one cell as "Category METHOD" and "Category METHOD /path" labels joined by "; ". */
const scopeCell = (entry: AuditEntry): string => grantLabels(entry.scopes).join('; ');

/** RFC 4180: header row, CRLF line ends (including after the last row). */
export const auditToCsv = (entries: readonly AuditEntry[]): string =>
  [
    CSV_COLUMNS.map(csvCell).join(','),
    ...entries.map((entry) =>
      CSV_COLUMNS.map((column) =>
        csvCell(column === 'scopes' ? scopeCell(entry) : entry[column]),
      ).join(','),
    ),
  ]
    .map((line) => `${line}\r\n`)
    .join('');

/** Pretty JSON with a format id, so a later import can recognise it. */
export const auditToJson = (entries: readonly AuditEntry[]): string =>
  `${JSON.stringify({ format: AUDIT_FORMAT, version: 1, entries }, null, 2)}\n`;
