import { z } from 'zod';
import { firstIssueText } from './issue-text';
import {
  PRESET_LIMITS,
  type Preset,
  presetShape,
  refineUniquePresetIds,
  stripPreset,
} from './preset';
import { normalizeScopes, V1ScopeSchema } from './scopes';
import { parseUntrustedJson } from './untrusted-json';

/**
 * The shareable pack: a JSON file a team passes around (or commits to a repository) holding one
 * or more presets. The format id and version are checked before anything else, so a random JSON
 * file gets "not a preset pack" rather than a list of schema complaints.
 *
 * Decision: pack presets carry `id` and, optionally, `updatedAt`.
 * - `id` lets a re-import recognise "the same preset, updated" (import-plan.ts offers Replace).
 * - `updatedAt` is written on export so a round trip is exact and a conflict can show which copy
 *   is newer; it is optional on import because a hand-written pack has no reason to invent one
 *   (the importer stamps the import time).
 * Unknown keys are ignored, not refused, so a pack written by a later minor release still loads.
 *
 * Versions: 2 (written now) lets a scope pin endpoints (`endpoints: [{method, path}]`) beside
 * or instead of `methods`. 1 had `methods` only (GET/POST/PUT/DELETE); it still imports and means
 * what it meant: every endpoint of those methods.
 */

export const PACK_FORMAT = 'impact-token-presets';
export const PACK_VERSION = 2;
export const PACK_VERSIONS_READ = [1, 2] as const;
/** A team's whole catalogue fits; the storage quota (stored-state.ts) is the tighter limit anyway. */
export const MAX_PACK_PRESETS = 200;

export const PackPresetSchema = z.object({
  ...presetShape,
  updatedAt: presetShape.updatedAt.optional(),
});
export type PackPreset = z.output<typeof PackPresetSchema>;

/** A version 1 pack's preset: the same fields, scopes as method grants only. */
export const V1PackPresetSchema = PackPresetSchema.extend({
  scopes: z
    .array(V1ScopeSchema)
    .min(1, 'a preset needs at least one scope')
    .max(PRESET_LIMITS.scopes)
    .transform((scopes) => normalizeScopes(scopes)),
});

export const PackSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    presets: z.array(PackPresetSchema).min(1, 'the pack holds no presets').max(MAX_PACK_PRESETS),
  })
  // Two presets with one id would make "replace" ambiguous on import.
  .superRefine(refineUniquePresetIds)
  .meta({
    title: 'impact.com token presets pack',
    description: 'Scope presets for the impact.com API token helper extension.',
  });
export type Pack = z.output<typeof PackSchema>;

const V1PackSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(1),
    presets: z.array(V1PackPresetSchema).min(1, 'the pack holds no presets').max(MAX_PACK_PRESETS),
  })
  .superRefine(refineUniquePresetIds)
  // Read as the current version: from here on the pack is what it meant, in today's terms.
  .transform((pack): Pack => ({ ...pack, version: PACK_VERSION }));

export type PackResult = { ok: true; pack: Pack } | { ok: false; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value named in an error message without echoing a possibly huge input back. */
const shortDescription = (value: unknown): string => {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 20));
  return value === undefined
    ? '(missing)'
    : `of type ${Array.isArray(value) ? 'array' : typeof value}`;
};

/** Validates already-parsed JSON as a pack. Shared by parsePack and share-text.ts. */
export const packFromJson = (value: unknown): PackResult => {
  if (!isRecord(value) || value.format !== PACK_FORMAT)
    return { ok: false, error: `not a preset pack (expected "format": "${PACK_FORMAT}")` };
  if (!(PACK_VERSIONS_READ as readonly unknown[]).includes(value.version)) {
    const newer = typeof value.version === 'number' && value.version > PACK_VERSION;
    return {
      ok: false,
      error: newer
        ? `pack version ${value.version} was made by a newer version of the extension; update it to import this pack`
        : `unsupported pack version ${shortDescription(value.version)} (expected ${PACK_VERSIONS_READ.join(' or ')})`,
    };
  }
  const parsed = (value.version === 1 ? V1PackSchema : PackSchema).safeParse(value);
  if (!parsed.success) return { ok: false, error: firstIssueText(parsed.error) };
  return { ok: true, pack: parsed.data };
};

/** Reads a pack file's text. Never throws: every input gets a pack or one readable error. */
export const parsePack = (text: string): PackResult => {
  try {
    const json = parseUntrustedJson(text, 'the file');
    if (!json.ok) return json;
    return packFromJson(json.value);
  } catch (error) {
    // Nothing above is expected to throw; this keeps the promise to callers if something does.
    return { ok: false, error: `could not read the file (${String(error)})` };
  }
};

/** A preset in pack form, fields in schema order and without load-time flags such as `managed`. */
export const toPackPreset = (preset: PackPreset): PackPreset => {
  const { updatedAt, ...content } = stripPreset({ ...preset, updatedAt: preset.updatedAt ?? '' });
  return preset.updatedAt === undefined ? content : { ...content, updatedAt };
};

/** Pretty JSON a person can read and diff. Presets are expected to be valid (as stored). */
export const exportPack = (presets: readonly (Preset | PackPreset)[]): string =>
  `${JSON.stringify(
    { format: PACK_FORMAT, version: PACK_VERSION, presets: presets.map(toPackPreset) },
    null,
    2,
  )}\n`;

/** JSON Schema of what a pack file may contain (defaults optional), for editors and docs. */
export const packJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(PackSchema, { io: 'input' }) as Record<string, unknown>;
