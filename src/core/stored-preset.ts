import { z } from 'zod';
import { type Preset, PresetSchema, stripPreset } from './preset';
import { METHODS, type Method, type Scope } from './scopes';

/**
 * The form one preset takes in its storage.sync item (`preset:<id>`, stored-state.ts). Chrome
 * refuses an item over 8,192 bytes, and a preset with every Brand API v14 endpoint pinned is
 * 10.4 KB as plain JSON (`{"method":"GET","path":"/Advertisers/{AccountSID}/…"}` × 117), so
 * pinned endpoints are written compactly:
 *
 *   endpoints: { "GET": ["Actions", "Actions/{ActionId}"], "PUT": ["/PageLoad"] }
 *   pathRoot:  "/Advertisers/{AccountSID}"
 *
 * grouped by method, and relative to the preset's `pathRoot` (the most used first two segments)
 * where they are under it; a path that starts with "/" is absolute. The 117-endpoint preset is
 * then about 5 KB (a unit test measures it). Everything else is the preset as is, so a preset
 * without pinned endpoints is stored exactly as format 2 stored it.
 */

export interface StoredScope {
  category: string;
  methods?: Method[];
  endpoints?: Partial<Record<Method, string[]>>;
}
export type StoredPreset = Omit<Preset, 'scopes'> & { scopes: StoredScope[]; pathRoot?: string };

const rootOf = (path: string): string | undefined => path.match(/^\/[^/]+\/[^/]+(?=\/)/)?.[0];

/** The first-two-segment prefix most pinned paths share, if at least two share it. */
const commonRoot = (scopes: readonly Scope[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const s of scopes)
    for (const e of s.endpoints) {
      const root = rootOf(e.path);
      if (root) counts.set(root, (counts.get(root) ?? 0) + 1);
    }
  let best: [string, number] | undefined;
  for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] > 1 ? best[0] : undefined;
};

export const toStoredPreset = (preset: Preset): StoredPreset => {
  const { scopes, ...rest } = stripPreset(preset);
  const root = commonRoot(scopes);
  const relative = (path: string) =>
    root && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  const stored: StoredPreset = {
    ...rest,
    scopes: scopes.map((scope) => {
      const entry: StoredScope = { category: scope.category };
      if (scope.methods.length) entry.methods = scope.methods;
      if (scope.endpoints.length) {
        const byMethod: Partial<Record<Method, string[]>> = {};
        for (const e of scope.endpoints)
          byMethod[e.method] = [...(byMethod[e.method] ?? []), relative(e.path)];
        entry.endpoints = byMethod;
      }
      return entry;
    }),
  };
  if (root) stored.pathRoot = root;
  return stored;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Undoes the compaction where the shape is as written; anything else is left for the schema. */
const expandStored = (raw: unknown): unknown => {
  if (!isRecord(raw) || !Array.isArray(raw.scopes)) return raw;
  const { pathRoot, ...rest } = raw;
  const root =
    typeof pathRoot === 'string' && /^\/[^/\s]+\/[^/\s]+$/.test(pathRoot) ? pathRoot : '';
  return {
    ...rest,
    scopes: raw.scopes.map((scope: unknown) => {
      if (!isRecord(scope) || !isRecord(scope.endpoints)) return scope;
      const byMethod = scope.endpoints;
      const endpoints = METHODS.flatMap((method) => {
        const paths = byMethod[method];
        return Array.isArray(paths)
          ? paths.map((path: unknown) => ({
              method,
              path:
                typeof path === 'string' && root && !path.startsWith('/')
                  ? `${root}/${path}`
                  : path,
            }))
          : [];
      });
      const unknownMethod = Object.keys(byMethod).find(
        (m) => !(METHODS as readonly string[]).includes(m),
      );
      // An unknown method key must not vanish silently: hand it on for the schema to refuse.
      return {
        ...scope,
        endpoints: unknownMethod ? [{ method: unknownMethod, path: '/' }] : endpoints,
      };
    }),
  };
};

/**
 * Reads a stored preset item back into a Preset, validated by PresetSchema itself (the stored
 * form only reshapes; every rule stays in one schema).
 */
export const StoredPresetSchema = z.preprocess(expandStored, PresetSchema);
