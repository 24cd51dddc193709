import { firstIssueText } from './issue-text';
import {
  PACK_FORMAT,
  PACK_VERSION,
  type PackPreset,
  PackPresetSchema,
  type PackResult,
  V1PackPresetSchema,
} from './pack';
import { PRESET_DEFAULTS } from './preset';
import { checkImportSize, parseUntrustedJson } from './untrusted-json';

/**
 * "Copy share text": one line that survives being pasted into chat, e-mail or a ticket.
 *
 *   impact-token-preset:v2:<base64url, unpadded, of the UTF-8 compact JSON of one pack preset>
 *
 * - The prefix says what the line is, so a paste of anything else is refused by name, and the
 *   version lets a later format be told apart from a corrupted line.
 * - base64url has no characters chat apps rewrite (no quotes, spaces, `+` or `/`), and no
 *   line breaks.
 * - The JSON holds only what differs from PRESET_DEFAULTS, so short presets give short lines; the
 *   schema restores the defaults on decode, which makes the round trip exact.
 * - The id and updatedAt travel too, so pasting an updated preset offers "replace" on import.
 * Decoding is as strict as a pack file (size, nesting, forbidden keys) and returns the same result
 * type, with the preset wrapped in a one-preset pack, so import has a single path.
 * - v2 (written now) is v1 plus pinned endpoints, like pack version 2; a v1 line still decodes,
 *   read as pack version 1 reads it.
 */

export const SHARE_TEXT_PREFIX = 'impact-token-preset:v2:';
const V1_SHARE_TEXT_PREFIX = 'impact-token-preset:v1:';
const SHARE_TEXT_FAMILY = 'impact-token-preset:';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** char code -> 6-bit value, -1 for anything outside the alphabet. */
const ALPHABET_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) ALPHABET_INDEX[ALPHABET.charCodeAt(i)] = i;

const toBase64Url = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const chunk = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET[(chunk >> 18) & 63];
    out += ALPHABET[(chunk >> 12) & 63];
    if (b1 !== undefined) out += ALPHABET[(chunk >> 6) & 63];
    if (b2 !== undefined) out += ALPHABET[chunk & 63];
  }
  return out;
};

/**
 * Strict: only the url-safe alphabet, no padding, and unused trailing bits must be zero, so one
 * preset has exactly one share text and a damaged line is refused rather than half-read.
 */
const fromBase64Url = (text: string): Uint8Array | undefined => {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (ALPHABET_INDEX[code] as number) : -1;
    if (value < 0) return undefined;
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[at++] = (bits >> bitCount) & 0xff;
    }
  }
  if ((bits & ((1 << bitCount) - 1)) !== 0) return undefined;
  return bytes;
};

/** Drops every field equal to its default. Arrays are compared by content. */
const withoutDefaults = (preset: Record<string, unknown>): Record<string, unknown> => {
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(preset)) {
    if (value === undefined) continue;
    if (Object.hasOwn(PRESET_DEFAULTS, key)) {
      const fallback = PRESET_DEFAULTS[key as keyof typeof PRESET_DEFAULTS];
      const isDefault = Array.isArray(value)
        ? Array.isArray(fallback) && value.length === 0 && fallback.length === 0
        : value === fallback;
      if (isDefault) continue;
    }
    compact[key] = value;
  }
  return compact;
};

/** The one-line share text of a (valid) preset. */
export const encodeShareText = (preset: PackPreset): string => {
  const json = JSON.stringify(
    withoutDefaults({
      id: preset.id,
      name: preset.name,
      nameTemplate: preset.nameTemplate,
      description: preset.description,
      version: preset.version,
      primaryContact: preset.primaryContact,
      developerEmails: preset.developerEmails,
      // Empty `methods` / `endpoints` are the defaults inside a scope too.
      scopes: preset.scopes.map((scope) => ({
        category: scope.category,
        ...(scope.methods.length ? { methods: scope.methods } : {}),
        ...(scope.endpoints.length
          ? { endpoints: scope.endpoints.map((e) => ({ method: e.method, path: e.path })) }
          : {}),
      })),
      updatedAt: preset.updatedAt,
    }),
  );
  return SHARE_TEXT_PREFIX + toBase64Url(new TextEncoder().encode(json));
};

/** Reads a pasted share line (surrounding whitespace is ignored). Never throws. */
export const decodeShareText = (line: string): PackResult => {
  try {
    if (typeof line !== 'string') return { ok: false, error: 'the share text is not text' };
    const sizeError = checkImportSize(line, 'the share text');
    if (sizeError) return { ok: false, error: sizeError };
    const trimmed = line.trim();
    const v1 = trimmed.startsWith(V1_SHARE_TEXT_PREFIX);
    if (!v1 && !trimmed.startsWith(SHARE_TEXT_PREFIX)) {
      return {
        ok: false,
        error: trimmed.startsWith(SHARE_TEXT_FAMILY)
          ? 'this share text was made by a newer version of the extension; update it to import'
          : `not a share text (it should start with "${SHARE_TEXT_PREFIX}")`,
      };
    }
    const bytes = fromBase64Url(
      trimmed.slice((v1 ? V1_SHARE_TEXT_PREFIX : SHARE_TEXT_PREFIX).length),
    );
    if (!bytes) return { ok: false, error: 'the share text is damaged (not base64url)' };
    let json: string;
    try {
      json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { ok: false, error: 'the share text is damaged (not UTF-8)' };
    }
    const parsed = parseUntrustedJson(json, 'the share text');
    if (!parsed.ok) return parsed;
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
      return { ok: false, error: 'the share text does not hold a preset' };
    const preset = (v1 ? V1PackPresetSchema : PackPresetSchema).safeParse(parsed.value);
    if (!preset.success) return { ok: false, error: firstIssueText(preset.error) };
    return {
      ok: true,
      pack: { format: PACK_FORMAT, version: PACK_VERSION, presets: [preset.data] },
    };
  } catch (error) {
    return { ok: false, error: `could not read the share text (${String(error)})` };
  }
};
