/**
 * Files in and out of extension pages: downloads through a Blob URL and <a download> (no
 * "downloads" permission needed), uploads read from an <input type=file>'s File.
 */

export type DownloadKind = 'json' | 'csv';

const MIME: Record<DownloadKind, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

/**
 * Saves `text` as a file named `filename`. CSV gets a BOM so Excel reads Japanese correctly; the
 * CSV itself is made formula-safe where it is written (src/core/audit-log.ts csvCell).
 */
export function downloadText(filename: string, text: string, kind: DownloadKind = 'json'): void {
  const body = kind === 'csv' && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type: MIME[kind] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The click has started the download; revoking later lets slow browsers still read it.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** Largest file read as text; presets packs are small, anything bigger is a mistake. */
export const MAX_READ_BYTES = 1_000_000;

/** Reads a picked file as UTF-8 text (a leading BOM is dropped). */
export async function readFileText(file: Blob, maxBytes = MAX_READ_BYTES): Promise<string> {
  if (file.size > maxBytes) throw new Error(`file is larger than ${maxBytes} bytes`);
  const text = await file.text();
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
