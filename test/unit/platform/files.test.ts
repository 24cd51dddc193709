// @vitest-environment happy-dom
import '../fakes/install';
import { describe, expect, it, vi } from 'vitest';
import { downloadText, readFileText } from '../../../src/platform/files';

describe('files', () => {
  it('downloads text through a Blob URL and an <a download>', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:fake';
    });
    let clicked: HTMLAnchorElement | undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked = this;
    });
    downloadText('presets.csv', 'name,note\r\nReporting,"a, ""b"""\r\n', 'csv');
    expect(clicked?.download).toBe('presets.csv');
    expect(clicked?.isConnected).toBe(false);
    expect(await blobs[0]?.text()).toBe('\uFEFFname,note\r\nReporting,"a, ""b"""\r\n');
    create.mockRestore();
    click.mockRestore();
  });

  it('reads a picked file as text without its BOM, and refuses huge files', async () => {
    expect(await readFileText(new Blob(['\uFEFF{"a":1}']))).toBe('{"a":1}');
    await expect(readFileText(new Blob(['x'.repeat(20)]), 10)).rejects.toThrow(/larger than 10/);
  });
});
