import { z } from 'zod';
import { validateTemplate } from '../core/name-template';
import type { Preset } from '../core/preset';
import { type PresetRequestResult, requestFromPreset } from '../core/preset-request';
import type { AccountKind, PageInfo } from '../core/protocol';
import type { Scope } from '../core/scopes';
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
  /**
   * Normalized (normalizeScopes): one entry per category, methods in METHODS order, pinned
   * endpoints sorted. The scope picker (scope-picker-model.ts) edits it.
   */
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
  scopes: preset.scopes.map((s) => ({
    category: s.category,
    methods: [...s.methods],
    endpoints: s.endpoints.map((e) => ({ method: e.method, path: e.path })),
  })),
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
}

/** Least-privilege warnings are the scope picker's (scope-picker.tsx), next to the scopes. */
export function checkForm(form: FormState): FormCheck {
  const { emails, invalid } = parseEmails(form.developerEmails);
  return {
    unknownPlaceholders: validateTemplate(form.nameTemplate),
    invalidEmails: invalid,
    emails,
    noScopes: form.scopes.length === 0,
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
