import { firstIssueText } from './issue-text';
import { expandTemplate } from './name-template';
import type { Preset } from './preset';
import { type RunMode, type TokenRequest, TokenRequestSchema } from './token-request';

/**
 * Turns a preset into the request one run carries out, for one account at one moment: the name
 * template is expanded here, so the content script only ever sees a finished name.
 */

export interface RequestContext {
  now: Date;
  account?: string;
  mode: RunMode;
}

export type PresetRequestResult =
  | { ok: true; value: TokenRequest }
  | { ok: false; error: 'unknown-placeholder'; placeholders: string[] }
  | { ok: false; error: 'account-unknown' }
  /** The expanded request broke a TokenRequest rule (e.g. the name grew past 200 characters). */
  | { ok: false; error: 'invalid-request'; detail: string };

export const requestFromPreset = (preset: Preset, context: RequestContext): PresetRequestResult => {
  const name = expandTemplate(preset.nameTemplate, {
    now: context.now,
    account: context.account,
    presetName: preset.name,
  });
  if (!name.ok) return name;
  const parsed = TokenRequestSchema.safeParse({
    name: name.value,
    description: preset.description,
    version: preset.version,
    primaryContact: preset.primaryContact,
    developerEmails: preset.developerEmails,
    scopes: preset.scopes,
    mode: context.mode,
  });
  if (!parsed.success)
    return { ok: false, error: 'invalid-request', detail: firstIssueText(parsed.error) };
  return { ok: true, value: parsed.data };
};
