/**
 * Who is running the add-on. Session.getActiveUser().getEmail() is '' whenever Google withholds the
 * identity: simple triggers (onEdit), consumer accounts outside the owner's domain
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */

/** The active user's e-mail, or '' when Apps Script does not reveal it. */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
