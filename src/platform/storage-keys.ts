/**
 * storage.local keys of the platform layer. Kept apart from storage.ts so settings.ts can read the
 * one setting the panel needs without zod.
 */

/**
 * 'local' while presets are held in this browser's storage.local because the last save could not
 * go to storage.sync. Every later save tries sync again and clears it on success.
 */
export const AREA_MARKER_KEY = 'presetsArea';

/** Why the last save could not go to storage.sync (the browser's own words). */
export const AREA_REASON_KEY = 'presetsAreaReason';

/** Prefix of items holding stored data kept aside as it was read (before it was written over). */
export const QUARANTINE_PREFIX = 'quarantine:';

/** Copy of META_KEY in src/core/stored-state.ts (a unit test keeps them equal). */
export const META_KEY_COPY = 'meta';
