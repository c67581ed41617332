/**
 * Puts `text` on the clipboard. Where there is no clipboard (http, an older browser) the text in
 * `field` is selected and the old copy command tried. Resolves true when the text was copied,
 * false when the person must copy it by hand (it is then selected for them).
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | undefined,
  document: Document,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return document.execCommand?.('copy') ?? false;
  }
}
