/**
 * Copies text for "Copy share text". The async clipboard API needs a focused document and, in
 * the in-page panel (an extension iframe in impact.com's page), the frame's permission, which the
 * page does not grant. Then the older selection copy is tried; when both fail the caller shows the
 * text selected in its box so it can be copied by hand.
 */
export async function copyText(
  text: string,
  fallbackField?: HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackField) return false;
    fallbackField.focus();
    fallbackField.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
