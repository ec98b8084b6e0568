/**
 * True when Apps Script ran a trigger in AuthMode.NONE (an add-on's onOpen in a document where it
 * is installed but not yet used): only the menu may be built, no document, property or lock touched.
 * A run with no event (from the script editor) is not NONE.
 */
export function isAuthModeNone(e: { authMode?: unknown } | null | undefined): boolean {
  return !!e && e.authMode === ScriptApp.AuthMode.NONE;
}
