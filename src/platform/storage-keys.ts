/**
 * storage.local keys of the platform layer. Kept apart from storage.ts so settings.ts can read the
 * one setting the panel needs without zod.
 */

/** 'local' once presets had to move out of storage.sync (unavailable or over quota). */
export const AREA_MARKER_KEY = 'presetsArea';

/** Prefix of items holding stored data that failed validation, kept aside as it was read. */
export const QUARANTINE_PREFIX = 'quarantine:';

/** Copy of META_KEY in src/core/stored-state.ts (a unit test keeps them equal). */
export const META_KEY_COPY = 'meta';
