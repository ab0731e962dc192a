/** An ISO 639-1 code as people say it ("en" → "English"); the code itself when unknown. */
export function languageLabel(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code; // Not a well-formed code: say it as stored.
  }
}
