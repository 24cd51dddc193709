import { z } from 'zod';
import { firstIssueText } from './issue-text';

/**
 * Ordered migrations of the stored state, oldest first. Each step checks the shape it expects with
 * that version's own schema, so old data that was already broken is refused with a message
 * naming the version and the field, and then quarantined by loadState (stored-state.ts), never
 * half-migrated. Steps only reshape data; the current schema validates the end result.
 *
 * To add version N+1: freeze today's schema here as VnSchema, add a step { from: N, to: N+1 },
 * and bump CURRENT_FORMAT_VERSION in stored-state.ts (a test checks the chain reaches it).
 */

/**
 * Version 1, the first release. It predates `formatVersion` (absent means 1), kept the whole state
 * in one storage.sync item (key "state", which is what hit the 8 KB item limit), and used other
 * names: `token` for the name template, `apiVersion` as a number (absent = latest), `contact`,
 * `emails`, scopes as { category: methods }, and `updated` in epoch milliseconds.
 */
/** The methods version 1 (and 2) knew; PATCH came with pinned endpoints (format 3). */
const V1MethodSchema = z.enum(['GET', 'POST', 'PUT', 'DELETE'], {
  error: () => 'expected GET, POST, PUT or DELETE',
});

export const V1PresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  description: z.string().optional(),
  apiVersion: z.number().int().positive().optional(),
  contact: z.string().optional(),
  emails: z.array(z.string()).optional(),
  scopes: z.record(z.string(), z.array(V1MethodSchema)),
  updated: z.number(),
});
export const V1StateSchema = z.object({
  formatVersion: z.literal(1).optional(),
  presets: z.array(V1PresetSchema),
  defaultPreset: z.string().optional(),
  openAutomatically: z.boolean().optional(),
});
export type V1State = z.input<typeof V1StateSchema>;

export type MigrationResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface Migration {
  from: number;
  to: number;
  migrate: (raw: unknown) => MigrationResult;
}

const V2_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Epoch milliseconds to ISO; out-of-range or missing times become the epoch rather than failing. */
const isoFromEpoch = (ms: number): string => {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : new Date(0).toISOString();
};

const v1ToV2: Migration = {
  from: 1,
  to: 2,
  migrate: (raw) => {
    const parsed = V1StateSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: `version 1 data: ${firstIssueText(parsed.error)}` };
    const v1 = parsed.data;
    const usedIds = new Set<string>();
    const idMap = new Map<string, string>();
    const presets = v1.presets.map((p, index) => {
      // v1 ids were free text; v2 ids become storage keys, so odd or repeated ones are replaced.
      let id = V2_ID.test(p.id) && !usedIds.has(p.id) ? p.id : `migrated-${index + 1}`;
      while (usedIds.has(id)) id = `${id}-${index + 1}`;
      usedIds.add(id);
      if (!idMap.has(p.id)) idMap.set(p.id, id);
      return {
        id,
        name: p.name,
        nameTemplate: p.token,
        description: p.description ?? '',
        version: p.apiVersion === undefined ? 'latest' : String(p.apiVersion),
        primaryContact: p.contact ?? '',
        developerEmails: p.emails ?? [],
        // v1 kept switched-on categories with no method ticked; they granted nothing.
        scopes: Object.entries(p.scopes)
          .filter(([, methods]) => methods.length > 0)
          .map(([category, methods]) => ({ category, methods })),
        updatedAt: isoFromEpoch(p.updated),
      };
    });
    const defaultPresetId =
      v1.defaultPreset === undefined ? undefined : idMap.get(v1.defaultPreset);
    return {
      ok: true,
      value: {
        formatVersion: 2,
        presets,
        ...(defaultPresetId === undefined ? {} : { defaultPresetId }),
        settings: { openAutomatically: v1.openAutomatically ?? true },
      },
    };
  },
};

/**
 * Version 2: one item per preset, scopes as {category, methods} with GET/POST/PUT/DELETE only.
 * Version 3 lets scopes pin endpoints, in a compact stored form (stored-preset.ts) of which a
 * version 2 preset already is a valid instance: the step checks the shape and moves the number.
 */
export const V2StateSchema = z.looseObject({
  formatVersion: z.literal(2),
  presets: z.array(
    z.looseObject({
      scopes: z.array(
        z.looseObject({
          category: z.string(),
          methods: z.array(V1MethodSchema),
        }),
      ),
    }),
  ),
});

const v2ToV3: Migration = {
  from: 2,
  to: 3,
  migrate: (raw) => {
    const parsed = V2StateSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: `version 2 data: ${firstIssueText(parsed.error)}` };
    return { ok: true, value: { ...(raw as object), formatVersion: 3 } };
  },
};

export const MIGRATIONS: readonly Migration[] = [v1ToV2, v2ToV3];

/** The version stored data claims; data from before versioning (no field) is version 1. */
export const formatVersionOf = (raw: unknown): number | undefined => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (version === undefined) return 1;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1
    ? version
    : undefined;
};

export type MigrateResult =
  | { ok: true; value: unknown; from: number }
  | { ok: false; error: string; newer?: true };

/** Runs every step from the stored version up to `target`. */
export const migrate = (raw: unknown, target: number): MigrateResult => {
  const from = formatVersionOf(raw);
  if (from === undefined)
    return { ok: false, error: 'stored data is not an object with a valid formatVersion' };
  if (from > target)
    return {
      ok: false,
      newer: true,
      error: `stored data has format ${from}, made by a newer version of the extension (this one reads up to ${target})`,
    };
  let value = raw;
  let version = from;
  while (version < target) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) return { ok: false, error: `no migration from format ${version}` };
    const result = step.migrate(value);
    if (!result.ok) return result;
    value = result.value;
    version = step.to;
  }
  return { ok: true, value, from };
};
