import { utf8ByteLength } from './untrusted-json';

/**
 * Spreads one stored value over several storage.sync items when it is over the 8 KB item limit,
 * and joins it back. It works on whatever JSON the per-preset encoder produces: the value's JSON
 * text is cut into string parts, each sized the way Chrome charges it (syncItemBytes).
 *
 *   preset:<id>       { "~split": <n>, "length": <characters of the JSON text> }
 *   part:<id>:<i>     the i-th slice of that text (i = 0 … n-1)
 *
 * Parts sync separately, so a reader can see some before the others: the header's count and
 * length tell a complete value from a partial one, which is reported, not guessed at.
 */

export const SPLIT_MARKER = '~split';
export const PART_KEY_PREFIX = 'part:';

/** Chrome's storage.sync per-item limit (QUOTA_BYTES_PER_ITEM). */
export const ITEM_BYTE_LIMIT = 8192;

export const partKey = (id: string, index: number): string => `${PART_KEY_PREFIX}${id}:${index}`;

/**
 * Chrome charges key + JSON of the value, measured as UTF-8 bytes. Its JSON writer also escapes
 * `<`, U+2028 and U+2029 as `\uXXXX`; those are counted at 6 bytes so the estimate never comes out
 * lower than Chrome's.
 */
export const syncItemBytes = (key: string, value: unknown): number => {
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    if (unit === 0x3c) extra += 5;
    else if (unit === 0x2028 || unit === 0x2029) extra += 3;
  }
  return utf8ByteLength(key) + utf8ByteLength(json) + extra;
};

export interface SplitHeader {
  [SPLIT_MARKER]: number;
  length: number;
}

export const isSplitHeader = (value: unknown): value is SplitHeader => {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    Number.isInteger(header[SPLIT_MARKER]) &&
    (header[SPLIT_MARKER] as number) > 0 &&
    Number.isInteger(header.length)
  );
};

/** What one code point of a string costs inside a stored JSON string. */
const charBytes = (char: string): number =>
  syncItemBytes('', char) - 2; /* the two quotes are paid once per part */

/** `key` → `value` when it fits one item, else a header and parts (all keyed). */
export function splitItem(
  key: string,
  id: string,
  value: unknown,
  limit = ITEM_BYTE_LIMIT,
): Record<string, unknown> {
  if (syncItemBytes(key, value) <= limit) return { [key]: value };
  const text = JSON.stringify(value);
  const parts: string[] = [];
  let current = '';
  let used = 0;
  // The longest part key is paid by every part; measuring against it keeps every part in budget.
  const budget = limit - utf8ByteLength(partKey(id, 999)) - 2;
  for (const char of text) {
    const cost = charBytes(char);
    if (used + cost > budget) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += cost;
  }
  if (current) parts.push(current);
  const items: Record<string, unknown> = {
    [key]: { [SPLIT_MARKER]: parts.length, length: text.length } satisfies SplitHeader,
  };
  parts.forEach((part, index) => {
    items[partKey(id, index)] = part;
  });
  return items;
}

export type JoinResult =
  | { ok: true; value: unknown; keys: string[] }
  | { ok: false; error: string };

/** The value a header stands for, from the items it was split into. */
export function joinItem(
  header: SplitHeader,
  id: string,
  items: Record<string, unknown>,
): JoinResult {
  const count = header[SPLIT_MARKER];
  const keys = Array.from({ length: count }, (_, index) => partKey(id, index));
  let text = '';
  for (const [index, key] of keys.entries()) {
    const part = items[key];
    if (typeof part !== 'string')
      return { ok: false, error: `part ${index + 1} of ${count} is missing (not synced yet?)` };
    text += part;
  }
  if (text.length !== header.length)
    return {
      ok: false,
      error: `its parts hold ${text.length} of ${header.length} characters (truncated)`,
    };
  try {
    return { ok: true, value: JSON.parse(text), keys };
  } catch {
    return { ok: false, error: 'its parts do not join into valid JSON' };
  }
}
