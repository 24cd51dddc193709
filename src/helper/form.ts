import { z } from 'zod';
import { type PrivilegeWarning, privilegeWarnings } from '../core/least-privilege';
import { validateTemplate } from '../core/name-template';
import type { Preset } from '../core/preset';
import { type PresetRequestResult, requestFromPreset } from '../core/preset-request';
import type { AccountKind, PageInfo } from '../core/protocol';
import { type ScopePair, scopeDrift } from '../core/scope-catalog';
import {
  categoryKey,
  METHODS,
  type Method,
  normalizeMethods,
  REFERENCE_CATEGORIES,
  type Scope,
} from '../core/scopes';
import type { RunMode } from '../core/token-request';

/**
 * The helper's form as plain data, and every rule about it, kept out of the components so the
 * components only render and dispatch.
 */

export interface FormState {
  /** May hold placeholders such as `{account}-reporting-{date}`. */
  nameTemplate: string;
  description: string;
  /** 'latest' or a version number such as '16'. */
  version: string;
  primaryContact: string;
  /** As typed: addresses separated by commas or new lines. */
  developerEmails: string;
  /** Normalized: one entry per category, methods in METHODS order. */
  scopes: Scope[];
}

export const emptyForm = (): FormState => ({
  nameTemplate: '',
  description: '',
  version: 'latest',
  primaryContact: '',
  developerEmails: '',
  scopes: [],
});

export const formFromPreset = (preset: Preset): FormState => ({
  nameTemplate: preset.nameTemplate,
  description: preset.description,
  version: preset.version,
  primaryContact: preset.primaryContact,
  developerEmails: preset.developerEmails.join('\n'),
  scopes: preset.scopes.map((s) => ({ category: s.category, methods: [...s.methods] })),
});

const Email = z.email();

/** Splits on commas, semicolons and line breaks; blanks are ignored, repeats kept once. */
export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[,;\n\r]+/)) {
    const email = part.trim();
    if (!email) continue;
    if (!Email.safeParse(email).success) invalid.push(email);
    else if (!emails.some((e) => e.toLowerCase() === email.toLowerCase())) emails.push(email);
  }
  return { emails, invalid };
}

export const hasScope = (scopes: readonly Scope[], category: string, method: Method): boolean =>
  scopes.some(
    (s) => categoryKey(s.category) === categoryKey(category) && s.methods.includes(method),
  );

/** Turns one (category, method) on or off; categories left with no method disappear. */
export function toggleScope(
  scopes: readonly Scope[],
  category: string,
  method: Method,
  on: boolean,
): Scope[] {
  const key = categoryKey(category);
  const existing = scopes.find((s) => categoryKey(s.category) === key);
  if (!existing) return on ? [...scopes, { category, methods: [method] }] : [...scopes];
  return scopes
    .map((s) => {
      if (s !== existing) return s;
      const methods = on ? [...s.methods, method] : s.methods.filter((m) => m !== method);
      return { category: s.category, methods: normalizeMethods(methods) };
    })
    .filter((s) => s.methods.length > 0);
}

/** Keeps only the GET half of every selected category (impact.com: read-only integrations). */
export const readOnlyScopes = (scopes: readonly Scope[]): Scope[] =>
  scopes
    .filter((s) => s.methods.includes('GET'))
    .map((s) => ({ category: s.category, methods: ['GET'] }));

/** One row of the scopes table. */
export interface ScopeRow {
  category: string;
  /** Methods with a checkbox: what the page offers, plus anything selected it does not. */
  methods: Method[];
  /** Selected methods the page does not offer (only known once the page's list was read). */
  notOffered: Method[];
}

export interface ScopeTable {
  rows: ScopeRow[];
  /** True when the categories are the page's own; false: the reference list. */
  fromPage: boolean;
  drift: ScopePair[];
  knownCategories: string[];
}

/** The page's categories once the wizard's scope step was seen, else the reference categories. */
export function scopeTable(selected: readonly Scope[], page?: PageInfo): ScopeTable {
  const fromPage = !!page?.scopes && page.scopes.length > 0;
  const catalog: Scope[] = fromPage
    ? (page?.scopes ?? [])
    : REFERENCE_CATEGORIES.map((category) => ({ category, methods: [...METHODS] }));
  const drift = fromPage ? scopeDrift(selected, catalog) : [];
  const rows: ScopeRow[] = catalog.map((s) => ({
    category: s.category,
    methods: normalizeMethods(s.methods),
    notOffered: [],
  }));
  for (const pair of drift) {
    let row = rows.find((r) => categoryKey(r.category) === categoryKey(pair.category));
    if (!row) {
      row = { category: pair.category, methods: [], notOffered: [] };
      rows.push(row);
    }
    row.methods = normalizeMethods([...row.methods, pair.method]);
    row.notOffered = normalizeMethods([...row.notOffered, pair.method]);
  }
  // Reference mode: a preset's category outside the reference list still gets its row.
  for (const s of selected) {
    if (rows.some((r) => categoryKey(r.category) === categoryKey(s.category))) continue;
    rows.push({ category: s.category, methods: normalizeMethods(s.methods), notOffered: [] });
  }
  return { rows, fromPage, drift, knownCategories: catalog.map((s) => s.category) };
}

/** Versions for the drop-down, newest first: the page's own, else the public API reference's. */
export function versionChoices(page: PageInfo | undefined, current: string): string[] {
  const fallback = (kind?: AccountKind) =>
    kind === 'brand' ? ['14', '13', '12', '11'] : ['16', '15', '14', '13', '12', '11'];
  const offered = page?.versions?.length ? page.versions : fallback(page?.kind);
  const list = [...offered];
  if (current !== 'latest' && !list.includes(current)) list.push(current);
  return list;
}

export interface FormCheck {
  /** Placeholders the template uses that do not exist, e.g. ["{acount}"]. */
  unknownPlaceholders: string[];
  invalidEmails: string[];
  emails: string[];
  noScopes: boolean;
  warnings: PrivilegeWarning[];
}

export function checkForm(form: FormState, knownCategories: readonly string[]): FormCheck {
  const { emails, invalid } = parseEmails(form.developerEmails);
  return {
    unknownPlaceholders: validateTemplate(form.nameTemplate),
    invalidEmails: invalid,
    emails,
    noScopes: form.scopes.length === 0,
    warnings: privilegeWarnings({ scopes: form.scopes }, knownCategories),
  };
}

/** The form as a preset (the caller validates it with PresetSchema before saving). */
export const presetFromForm = (
  form: FormState,
  identity: { id: string; name: string },
  now: Date,
): Preset => ({
  id: identity.id,
  name: identity.name.trim(),
  nameTemplate: form.nameTemplate.trim(),
  description: form.description,
  version: form.version,
  primaryContact: form.primaryContact.trim(),
  developerEmails: parseEmails(form.developerEmails).emails,
  scopes: form.scopes,
  updatedAt: now.toISOString(),
});

/** What one run asks of the page: the template expanded for this account, now. */
export function requestFromForm(
  form: FormState,
  context: { presetName: string; account?: string; mode: RunMode; now: Date },
): PresetRequestResult {
  return requestFromPreset(
    presetFromForm(form, { id: 'form', name: context.presetName }, context.now),
    context,
  );
}

/** A fresh id that is also a valid storage key suffix. */
export const newPresetId = (): string =>
  `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** "Same as saved?" for the Save changes button: compares what a person edits. */
export const sameForm = (a: FormState, b: FormState): boolean =>
  a.nameTemplate === b.nameTemplate &&
  a.description === b.description &&
  a.version === b.version &&
  a.primaryContact === b.primaryContact &&
  parseEmails(a.developerEmails).emails.join() === parseEmails(b.developerEmails).emails.join() &&
  JSON.stringify(a.scopes) === JSON.stringify(b.scopes);
