/**
 * Who and what a run may touch: its authorization mode, the user Apps Script reveals, and whether a
 * document contains the run. Every counted service call is checked against it.
 *
 * - Authorization modes (https://developers.google.com/apps-script/reference/script/auth-mode and the
 *   editor add-on lifecycle, https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle):
 *   NONE when an add-on's onOpen(e) runs in a document where the add-on is installed for the user but
 *   not yet used (enabled); LIMITED for onOpen(e)/onEdit(e) simple triggers otherwise; FULL for menu
 *   items, sidebar calls, onInstall(e) and installable triggers; custom functions run in their own
 *   CUSTOM_FUNCTION mode. In NONE no service that needs authorization may be called: the add-on may
 *   build its menu and nothing else. Simple triggers "cannot access services that require
 *   authorization" (https://developers.google.com/apps-script/guides/triggers#restrictions), so LIMITED
 *   refuses ScriptApp's trigger methods (they need the script.scriptapp scope) and MailApp (it needs
 *   the script.send_mail scope).
 * - The user (https://developers.google.com/apps-script/reference/base/session#getActiveUser()):
 *   getActiveUser().getEmail() is blank "in any context that allows a script to run without that
 *   user's authorization, like a simple onOpen(e) or onEdit(e) trigger, a custom function". The
 *   emulator takes the strict case (a consumer account, or a user outside the developer's Workspace
 *   domain), where the restriction always applies. Under an installable trigger getEffectiveUser() is
 *   the trigger's creator (same page, getEffectiveUser()).
 * - Outside a document (a standalone project run from the script editor, a web app),
 *   SpreadsheetApp.getActiveSpreadsheet(), LockService.getDocumentLock(),
 *   PropertiesService.getDocumentProperties() and CacheService.getDocumentCache() return null
 *   (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock(),
 *   https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()).
 */
import type { CallCounter } from './counter';
import { ERR } from './errors';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface Run {
  readonly mode: AuthModeName;
  /** The email getActiveUser() reveals when the mode allows one; undefined: the person at the keyboard. */
  readonly activeUser?: string;
  /** The account the run executes as (an installable trigger's creator); undefined: the active user. */
  readonly effectiveUser?: string;
  /** False for a run no document contains (a standalone run): document services return null. */
  readonly inDocument: boolean;
}

const WRITE_METHOD = /^(set|insert|delete|clear|append|hide|show|remove|update|activate|toast|create|new|put)/;
const READ_ONLY_KINDS = new Set(['Range', 'Sheet', 'Spreadsheet', 'SpreadsheetApp']);
/** Modes that run without the user's authorization: no identity is revealed. */
const ANONYMOUS: ReadonlySet<AuthModeName> = new Set(['NONE', 'LIMITED', 'CUSTOM_FUNCTION']);

export class RunContext {
  current: Run = { mode: 'FULL', inDocument: true };

  /** @param user The person at the keyboard (the one typing, clicking menu items, opening the sidebar). */
  constructor(public user: string) {}

  /** Runs `run` with parts of the context changed, then restores them. */
  with<T>(change: Partial<Run>, run: () => T): T {
    const before = this.current;
    this.current = { ...before, ...change };
    try {
      return run();
    } finally {
      this.current = before;
    }
  }

  get mode(): AuthModeName {
    return this.current.mode;
  }
  get inDocument(): boolean {
    return this.current.inDocument;
  }

  activeUserEmail(): string {
    return ANONYMOUS.has(this.current.mode) ? '' : (this.current.activeUser ?? this.user);
  }

  effectiveUserEmail(): string {
    return this.current.effectiveUser ?? this.activeUserEmail();
  }

  /** guard() for a service the counter does not wrap, skipped for the emulator's own quiet work. */
  check(counter: CallCounter, kind: string, method: string): void {
    if (!counter.isPaused) this.guard(kind, method);
  }

  /** Throws Apps Script's error when the current run may not call `kind.method`. */
  guard(kind: string, method: string): void {
    const mode = this.current.mode;
    if (mode === 'FULL') return;
    if (mode === 'LIMITED') {
      if (kind === 'ScriptApp' || kind === 'MailApp') throw new Error(ERR.needsAuthorization(`${kind}.${method}`));
      return;
    }
    if (mode === 'NONE') {
      if ((kind === 'SpreadsheetApp' && method === 'getUi') || kind === 'Ui') return;
      throw new Error(ERR.authNone(`${kind}.${method}`));
    }
    if (!READ_ONLY_KINDS.has(kind) || WRITE_METHOD.test(method) || method === 'getUi' || method === 'flush') {
      throw new Error(ERR.customFunctionPermission(`${kind}.${method}`));
    }
  }
}
