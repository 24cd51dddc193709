import {
  MAX_PACK_PRESETS,
  PACK_FORMAT,
  PACK_VERSION,
  type PackPreset,
  type PackResult,
  packFromJson,
} from '../../core/pack';
import { decodeShareText, SHARE_TEXT_PREFIX } from '../../core/share-text';
import { checkImportSize, parseUntrustedJson } from '../../core/untrusted-json';

/**
 * What the paste box accepts: pack JSON, or one or more share lines (one per line, as they arrive
 * when several are pasted from chat). Everything ends as one pack result, so the preview has a
 * single input. A picked file goes through parsePack (core) instead.
 */

/** "impact-token-preset:" — any version, so a newer line gets core's "update the extension". */
const SHARE_FAMILY = SHARE_TEXT_PREFIX.slice(0, SHARE_TEXT_PREFIX.indexOf(':') + 1);

export function parseImportText(text: string): PackResult {
  const sizeError = checkImportSize(text, 'the pasted text');
  if (sizeError) return { ok: false, error: sizeError };
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'nothing to import: paste a share text or a pack' };
  if (trimmed.startsWith('{')) {
    const json = parseUntrustedJson(trimmed, 'the pasted text');
    return json.ok ? packFromJson(json.value) : json;
  }
  // The same line pasted twice is one preset, not a clash with itself.
  const lines = [...new Set(trimmed.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean);
  // The pack's own cap, before decoding thousands of lines.
  if (lines.length > MAX_PACK_PRESETS)
    return { ok: false, error: `at most ${MAX_PACK_PRESETS} presets can be imported at once` };
  if (lines.length === 1 || !lines.every((line) => line.startsWith(SHARE_FAMILY)))
    return decodeShareText(lines.length === 1 ? (lines[0] as string) : trimmed);
  const presets: PackPreset[] = [];
  for (const [index, line] of lines.entries()) {
    const decoded = decodeShareText(line);
    if (!decoded.ok) return { ok: false, error: `line ${index + 1}: ${decoded.error}` };
    presets.push(...decoded.pack.presets);
  }
  // Through the pack's schema, so pasted lines pass the same caps and duplicate-id check as a pack.
  return packFromJson({ format: PACK_FORMAT, version: PACK_VERSION, presets });
}
