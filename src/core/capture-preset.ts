import { nameKey, uniqueName } from './import-plan';
import { firstIssueText } from './issue-text';
import { type Preset, PresetSchema } from './preset';
import type { CapturedSelection } from './protocol';

/**
 * "Save page selection as preset": what the open wizard holds (src/page/capture.ts) becomes a new
 * preset. The token name typed on the page becomes both the preset's name and its name template,
 * so the person starts from exactly what they see and can add placeholders afterwards.
 */

export type CaptureResult =
  | { ok: true; preset: Preset }
  /** `no-name`: the wizard's token name is empty, so there is nothing to name the preset after. */
  | { ok: false; error: 'no-name' }
  | { ok: false; error: 'invalid'; detail: string };

export const presetFromCapture = (
  captured: CapturedSelection,
  options: { id: string; now: Date; takenNames: readonly string[] },
): CaptureResult => {
  const tokenName = captured.name.trim();
  if (!tokenName) return { ok: false, error: 'no-name' };
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
    scopes: captured.scopes,
    updatedAt: options.now.toISOString(),
  });
  return parsed.success
    ? { ok: true, preset: parsed.data }
    : { ok: false, error: 'invalid', detail: firstIssueText(parsed.error) };
};
