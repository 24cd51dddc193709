import { nameKey, uniqueName } from './import-plan';
import { firstIssueText } from './issue-text';
import { type Preset, PresetSchema } from './preset';
import type { CapturedSelection } from './protocol';
import { byCategory, catalogPath } from './scope-catalog';
import {
  categoryKey,
  type Endpoint,
  normalizeScopes,
  type Scope,
  type ScopeCatalog,
} from './scope-model';

/**
 * "Save page selection as preset": what the open wizard holds (src/page/capture.ts) becomes a new
 * preset. The token name typed on the page becomes both the preset's name and its name template,
 * so the person starts from exactly what they see and can add placeholders afterwards.
 *
 * Scopes: each ticked endpoint is pinned, and a method whose every offered endpoint is ticked
 * becomes the method grant ("all GET"). An endpoint row that shows only its summary is named by
 * its path from `summaries` (the public catalog); one that cannot be named refuses the capture.
 */

/** Ticked rows as grants; `unnamed` lists rows with no path that `summaries` cannot place. */
export const grantsFromTicked = (
  ticked: ScopeCatalog,
  offered: ScopeCatalog,
  summaries: ScopeCatalog,
): { scopes: Scope[]; unnamed: string[] } => {
  const known = byCategory(summaries);
  const knownOf = (category: string) => known.get(categoryKey(category));
  const unnamed: string[] = [];
  const scopes = ticked.map((c): Scope => {
    if (!c.endpoints.length) return { category: c.category, methods: c.methods, endpoints: [] };
    const endpoints = c.endpoints.flatMap((e): Endpoint[] => {
      const path = e.path ?? catalogPath(e, knownOf(c.category));
      if (path !== undefined) return [{ method: e.method, path }];
      unnamed.push(`${c.category} ${e.method} ${e.summary ?? ''}`.trim());
      return [];
    });
    return { category: c.category, methods: [], endpoints };
  });
  // Paths for the offered rows too, so "every GET ticked" is recognised on a summary-only page.
  const offeredNamed = offered.map((c) => ({
    ...c,
    endpoints: c.endpoints.map((e) => {
      const path = e.path ?? catalogPath(e, knownOf(c.category));
      return path === undefined ? e : { ...e, path };
    }),
  }));
  return {
    scopes: normalizeScopes(
      scopes.filter((s) => s.methods.length || s.endpoints.length),
      offeredNamed,
    ),
    unnamed,
  };
};

export type CaptureResult =
  | { ok: true; preset: Preset }
  /** `no-name`: the wizard's token name is empty, so there is nothing to name the preset after. */
  | { ok: false; error: 'no-name' }
  /** Ticked endpoint rows that show no path and match no catalog summary. */
  | { ok: false; error: 'unnamed-endpoints'; endpoints: string[] }
  | { ok: false; error: 'invalid'; detail: string };

export const presetFromCapture = (
  captured: CapturedSelection,
  options: { id: string; now: Date; takenNames: readonly string[]; summaries: ScopeCatalog },
): CaptureResult => {
  const tokenName = captured.name.trim();
  if (!tokenName) return { ok: false, error: 'no-name' };
  const { scopes, unnamed } = grantsFromTicked(
    captured.ticked,
    captured.offered,
    options.summaries,
  );
  if (unnamed.length) return { ok: false, error: 'unnamed-endpoints', endpoints: unnamed };
  const parsed = PresetSchema.safeParse({
    id: options.id,
    // Capturing the same wizard twice gives "Name (2)", never two presets one cannot tell apart.
    name: uniqueName(tokenName.slice(0, 100).trim(), new Set(options.takenNames.map(nameKey))),
    nameTemplate: tokenName,
    description: captured.description,
    // The page's version drop-down could not be read as a number: the preset says "latest".
    version: captured.version || 'latest',
    primaryContact: captured.primaryContact,
    developerEmails: captured.developerEmails,
    scopes,
    updatedAt: options.now.toISOString(),
  });
  return parsed.success
    ? { ok: true, preset: parsed.data }
    : { ok: false, error: 'invalid', detail: firstIssueText(parsed.error) };
};
