import { describe, expect, it } from 'vitest';
import {
  AUDIT_FORMAT,
  type AuditEntry,
  AuditEntrySchema,
  appendAudit,
  auditToCsv,
  auditToJson,
  csvCell,
  MAX_AUDIT_ENTRIES,
} from '../../../src/core/audit-log';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry =>
  AuditEntrySchema.parse({
    name: 'Acme-reporting-2024-07-01',
    version: '16',
    scopes: [
      { category: 'Reports', methods: ['GET'], endpoints: [] },
      { category: 'Ads', methods: ['GET', 'POST'], endpoints: [] },
    ],
    account: 'Acme Media (1234567)',
    accountKind: 'partner',
    time: '2024-07-01T09:00:00.000Z',
    mode: 'create',
    ...overrides,
  });

describe('AuditEntrySchema', () => {
  it('refuses any extra field, so a secret cannot ride along', () => {
    const withSecret = { ...entry(), authToken: 'secret-value' };
    expect(AuditEntrySchema.safeParse(withSecret).success).toBe(false);
    expect(AuditEntrySchema.safeParse({ ...entry(), accountSid: 'IR123' }).success).toBe(false);
  });
});

describe('auditToCsv', () => {
  it('writes a header and one CRLF-terminated row per entry', () => {
    const header = '"time","account","accountKind","name","version","mode","scopes"\r\n';
    expect(auditToCsv([entry()])).toBe(
      header +
        '"2024-07-01T09:00:00.000Z","Acme Media (1234567)","partner","Acme-reporting-2024-07-01","16","create","Reports GET; Ads GET; Ads POST"\r\n',
    );
    expect(auditToCsv([])).toBe(header);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const csv = auditToCsv([entry({ name: 'a,"b"\nc', account: 'x\r\ny' })]);
    expect(csv).toContain(',"x\r\ny","partner","a,""b""\nc","16",');
  });

  it('neutralizes cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('a=b')).toBe('"a=b"');
    const row = auditToCsv([entry({ name: '=cmd|calc', account: '@evil' })]).split('\r\n')[1];
    expect(row).toContain(`,"'@evil",`);
    expect(row).toContain(`,"'=cmd|calc",`);
  });

  it('neutralizes a formula after any separator a spreadsheet might split on', () => {
    expect(csvCell('a;=1+1')).toBe(`"a;'=1+1"`);
    expect(csvCell('a; =1')).toBe(`"a; '=1"`);
    expect(csvCell('a|@x')).toBe(`"a|'@x"`);
    expect(csvCell('a\t+1')).toBe(`"a\t'+1"`);
    expect(csvCell('line\n=2')).toBe(`"line\n'=2"`);
    expect(csvCell('a,-1')).toBe(`"a,'-1"`);
    expect(csvCell('Reports GET; Ads GET')).toBe('"Reports GET; Ads GET"');
  });
});

describe('auditToJson', () => {
  it('wraps the entries with a format id and reads back equal', () => {
    const entries = [entry(), entry({ accountKind: 'brand', mode: 'review' })];
    const parsed = JSON.parse(auditToJson(entries));
    expect(parsed).toEqual({ format: AUDIT_FORMAT, version: 1, entries });
  });
});

describe('appendAudit', () => {
  it('keeps the newest entries and never mutates the log', () => {
    const log = Object.freeze(
      Array.from({ length: MAX_AUDIT_ENTRIES }, (_, i) => entry({ name: `t${i}` })),
    );
    const next = appendAudit(log, entry({ name: 'newest' }));
    expect(next).toHaveLength(MAX_AUDIT_ENTRIES);
    expect(next[0]?.name).toBe('t1');
    expect(next.at(-1)?.name).toBe('newest');
    expect(log).toHaveLength(MAX_AUDIT_ENTRIES);
  });
});
