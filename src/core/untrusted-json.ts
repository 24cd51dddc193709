import { describeAt } from './issue-text';

/**
 * JSON from outside the extension (a pack file, a pasted share line) is read here, before any
 * schema sees it. Every step is bounded so that no input, however hostile, can throw, hang or
 * overflow the stack: the size is capped first, nesting is counted by a flat scan before
 * JSON.parse, and the parsed tree is walked with an explicit stack.
 */

/** Packs are a few KB; 256 KB leaves room for hundreds of presets and refuses anything absurd. */
export const MAX_IMPORT_BYTES = 256 * 1024;

/** A pack nests 6 levels deep (pack, presets, preset, scopes, scope, methods); 32 is generous. */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that have no business in a preset and can poison objects when some later code merges or
 * spreads them. zod would strip them, but refusing them outright makes a tampered file visible.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Bytes the text takes as UTF-8, counted without allocating (a lone surrogate counts 3, as U+FFFD). */
export const utf8ByteLength = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
};

/** Refuses text over the limit. A UTF-16 unit is at least one UTF-8 byte, so long text is refused before counting. */
export const checkImportSize = (text: string, what: string): string | undefined => {
  const tooBig = `${what} is larger than ${MAX_IMPORT_BYTES / 1024} KB`;
  if (text.length > MAX_IMPORT_BYTES) return tooBig;
  return utf8ByteLength(text) > MAX_IMPORT_BYTES ? tooBig : undefined;
};

/** Deepest `[`/`{` nesting outside strings; stops counting once past the limit. */
const nestingExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      depth++;
      if (depth > limit) return true;
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) depth--;
  }
  return false;
};

/** Path of the first forbidden key, found without recursion. */
const findForbiddenKey = (root: unknown): { path: PropertyKey[]; key: string } | undefined => {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) if (FORBIDDEN_KEYS.has(key)) return { path, key };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
};

/**
 * Parses JSON that came from outside. `what` names the input in messages ("the file", "the share
 * text"). Never throws.
 */
export const parseUntrustedJson = (text: string, what: string): JsonResult => {
  if (typeof text !== 'string') return { ok: false, error: `${what} is not text` };
  const sizeError = checkImportSize(text, what);
  if (sizeError) return { ok: false, error: sizeError };
  if (nestingExceeds(text, MAX_JSON_DEPTH))
    return { ok: false, error: `${what} is nested deeper than ${MAX_JSON_DEPTH} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${what} is not valid JSON (${reason})` };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden)
    return { ok: false, error: describeAt(forbidden.path, `forbidden key "${forbidden.key}"`) };
  return { ok: true, value };
};
