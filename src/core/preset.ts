import { z } from 'zod';
import { normalizeScopes, ScopeSchema } from './scopes';
import { ApiVersionSchema } from './token-request';

/**
 * A scope preset: everything needed to fill the wizard except the account, which is only known on
 * the page. Presets live in storage.sync, one item per preset (see stored-state.ts), and Chrome
 * refuses any item over 8 KB, so every field has a limit that keeps a realistic preset far below it.
 * fitsSyncQuota() is still the final word before a save.
 */

/**
 * What an omitted field means. Share text leaves these out (share-text.ts), packs may, and the
 * schema fills them in, so this table is the one place a default is decided.
 */
export const PRESET_DEFAULTS = {
  description: '',
  version: 'latest',
  primaryContact: '',
  developerEmails: [],
} as const satisfies {
  description: string;
  version: 'latest';
  primaryContact: string;
  developerEmails: readonly string[];
};

export const PRESET_LIMITS = {
  name: 100,
  nameTemplate: 200,
  description: 1000,
  primaryContact: 320,
  developerEmails: 20,
  /** Category entries. Pinned endpoints are bounded per entry (SCOPE_LIMITS) and by sync's 8 KB item. */
  scopes: 100,
} as const;

/**
 * Characters that reorder the text around them (Unicode bidi embeddings, overrides, isolates and
 * marks): in a name they can make "read-only" display as something else, so names refuse them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/**
 * Something a person can see: not white space, a format character (zero-width space, joiners),
 * a control, a lone combining mark, or one of the blank letters (Hangul fillers, Braille blank).
 */
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Cc}\p{Cn}\p{Cs}\p{M}\u115f\u1160\u3164\uffa0\u2800]/u;

/** Whether `name` can be told apart on screen: a visible character and no bidi controls. */
export const isLegibleName = (name: string): boolean =>
  VISIBLE.test(name) && !BIDI_CONTROLS.test(name);

/** Ids become storage keys (`preset:<id>`), so they stay short and plain. */
export const PresetIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1 to 64 letters, digits, "-" or "_"');

/**
 * Scopes are normalized as they are read (one entry per category, methods in METHODS order,
 * pinned endpoints sorted and absorbed by a method grant that covers them), so equal access
 * always looks equal: import conflicts compare presets, and a preset written by hand with
 * ["POST", "GET"] must not count as different from one saved by the editor.
 */
export const PresetScopesSchema = z
  .array(ScopeSchema)
  .min(1, 'a preset needs at least one scope')
  .max(PRESET_LIMITS.scopes)
  .overwrite((scopes) => normalizeScopes(scopes));

/**
 * The fields a person edits, shared by the stored preset and the pack/share form (pack.ts), which
 * differ only in whether updatedAt is required.
 */
export const presetShape = {
  id: PresetIdSchema,
  name: z
    .string()
    .trim()
    .min(1)
    .max(PRESET_LIMITS.name)
    .refine(isLegibleName, 'needs a visible character and no bidi control characters'),
  /** Expanded by name-template.ts, e.g. `{account}-reporting-{date}`. */
  nameTemplate: z.string().trim().min(1).max(PRESET_LIMITS.nameTemplate),
  description: z.string().max(PRESET_LIMITS.description).default(PRESET_DEFAULTS.description),
  version: ApiVersionSchema.default(PRESET_DEFAULTS.version),
  /** An account user's email or name; '' keeps whatever the page preselects. */
  primaryContact: z
    .string()
    .trim()
    .max(PRESET_LIMITS.primaryContact)
    .default(PRESET_DEFAULTS.primaryContact),
  developerEmails: z
    .array(z.email())
    .max(PRESET_LIMITS.developerEmails)
    .default([...PRESET_DEFAULTS.developerEmails]),
  scopes: PresetScopesSchema,
  /** ISO 8601 UTC, as Date.prototype.toISOString writes it. */
  updatedAt: z.iso.datetime(),
};

export const PresetSchema = z.object(presetShape);
export type Preset = z.output<typeof PresetSchema>;
export type PresetInput = z.input<typeof PresetSchema>;

/**
 * A preset as the helper lists it. Presets pushed by an administrator (storage.managed) are
 * flagged when they are loaded, never stored with the flag, so a synced copy cannot claim to be
 * managed.
 */
export type ListedPreset = Preset & { managed?: true };

export const markManaged = (presets: readonly Preset[]): ListedPreset[] =>
  presets.map((preset) => ({ ...preset, managed: true }));

/** The preset's own fields in schema order, without load-time flags such as `managed`. */
export const stripPreset = (preset: Preset): Preset => ({
  id: preset.id,
  name: preset.name,
  nameTemplate: preset.nameTemplate,
  description: preset.description,
  version: preset.version,
  primaryContact: preset.primaryContact,
  developerEmails: [...preset.developerEmails],
  scopes: preset.scopes.map((scope) => ({
    category: scope.category,
    methods: [...scope.methods],
    endpoints: scope.endpoints.map((e) => ({ method: e.method, path: e.path })),
  })),
  updatedAt: preset.updatedAt,
});

/**
 * Refuses two presets with one id in a list (a pack or the stored state): ids are storage keys
 * and the target of "replace" on import. Reports the second one's path.
 */
export function refineUniquePresetIds(
  list: { presets: readonly { id: string }[] },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  list.presets.forEach((preset, index) => {
    if (seen.has(preset.id))
      ctx.addIssue({
        code: 'custom',
        path: ['presets', index, 'id'],
        message: `duplicate id "${preset.id}"`,
      });
    seen.add(preset.id);
  });
}
