/**
 * The playground's HTTP API: every request and response body, declared once and imported by the
 * server (playground/server.ts and its handlers) and the page (playground/client/app.ts), so the two
 * cannot drift. Types only, plus the few names both sides must spell the same way.
 */

/** One cell of the grid as the page shows it. */
export interface CellView {
  /** Display text. */
  t: string;
  /** The formula, when the cell has one. */
  f?: string;
  /** Raw value for editing (text as typed; dates as yyyy-mm-dd). */
  v?: string;
  n?: string;
  bg?: string;
  /** Text color. */
  fc?: string;
  b?: true;
  /** Checkbox state, for checkbox cells. */
  cb?: boolean;
  /** Dropdown options, for list/range validation. */
  dd?: string[];
  /** Error message of a formula cell. */
  err?: string;
  /** Filled by a neighbour's array result. */
  spill?: true;
  num?: true;
}

export interface ChartView {
  title: string;
  type: string;
  labels: string[];
  series: { name: string; data: number[] }[];
  anchor: { row: number; column: number };
  /** Series colors from the chart's 'colors' option. */
  colors?: string[];
  /** Stacked columns whose first series is invisible (the summary's waterfall). */
  stacked: boolean;
}

/** GET /api/sheet?name=...: one tab. */
export interface SheetView {
  name: string;
  rows: number;
  columns: number;
  frozenRows: number;
  cells: CellView[][];
  charts: ChartView[];
  truncated: boolean;
}

export interface MenuItemView {
  caption: string;
  functionName: string;
}
export interface MenuView {
  title: string;
  items: (MenuItemView | 'separator')[];
}
export interface TriggerView {
  id: string;
  handler: string;
  type: string;
  everyHours: number | null;
  nextRun: string | null;
}

/** GET /api/state: the workbook's tabs, menus, clock, triggers and open sidebar. */
export interface StateView {
  sheets: string[];
  active: string;
  menus: MenuView[];
  /** The emulator's clock, ISO. */
  now: string;
  timeZone: string;
  triggers: TriggerView[];
  /** The open sidebar's title, or null. */
  sidebar: string | null;
  /** The dialog the add-on opened last (showModelessDialog / showModalDialog), or null. */
  dialog: { title: string; width: number; height: number } | null;
  /** The active tab's selected cell (top left of the active range). */
  selection: { row: number; col: number } | null;
  /** Mail the add-on sent (the daily digest), newest first, at most 20: the emulator's MailApp record. */
  outbox: MailView[];
}

export interface MailView {
  to: string;
  from: string;
  subject: string;
  /** The plain-text body (shown with textContent). */
  body: string;
  at: string;
}

/** An alert or prompt the add-on showed. */
export interface DialogView {
  title: string;
  prompt: string;
  buttons: string;
}
/** The user's answer to a prompt, replayed when the action runs again. */
export interface PromptAnswer {
  button: string;
  text?: string;
}

/** What running an action (menu item, trigger, edit, import) did. */
export interface ActionResult {
  alerts: DialogView[];
  sidebarOpened: boolean;
  /** The action opened an HTML dialog (the board). */
  dialogOpened: boolean;
  error?: string;
  /** The action stopped at a prompt: ask the user, then send the request again with the answer. */
  prompt?: DialogView;
  /** A one-line summary for a toast. */
  message?: string;
}

export interface Ok {
  ok: true;
}
/** Any refused or failed request. */
export interface ApiError {
  error: string;
}

export interface SelectRequest {
  sheet: string;
  row: number;
  col: number;
}
export interface TabRequest {
  sheet: string;
}
export interface EditRequest {
  sheet: string;
  row: number;
  col: number;
  value: string | boolean;
}
export interface MenuRequest {
  fn: string;
  answers: PromptAnswer[];
}
/** google.script.run from the sidebar: a sidebar API function by name. */
export interface RunRequest {
  fn: string;
  args: unknown[];
}
/** `unchanged`: a read-only call (the page need not refresh the grid). */
export type RunResponse = { result: unknown; unchanged?: true } | ApiError;
export interface TriggerRequest {
  id: string;
}
export interface AdvanceRequest {
  hours: number;
}
export interface AdvanceResponse {
  ran: number;
}
/** An upload: the file's name, its bytes in base64, and whether cells starting with = are formulas. */
export interface ImportRequest {
  name: string;
  formulas: boolean;
  content: string;
}

/** Every POST route: its request body and its success response. */
export interface PostRoutes {
  '/api/select': { request: SelectRequest; response: Ok };
  '/api/tab': { request: TabRequest; response: Ok };
  '/api/edit': { request: EditRequest; response: ActionResult };
  '/api/menu': { request: MenuRequest; response: ActionResult };
  '/api/run': { request: RunRequest; response: RunResponse };
  '/api/trigger': { request: TriggerRequest; response: ActionResult };
  '/api/advance': { request: AdvanceRequest; response: AdvanceResponse };
  '/api/close-sidebar': { request: Record<string, never>; response: Ok };
  '/api/close-dialog': { request: Record<string, never>; response: Ok };
  '/api/reset': { request: Record<string, never>; response: Ok };
  '/api/import': { request: ImportRequest; response: ActionResult };
}
export type PostPath = keyof PostRoutes;

/** The header carrying the per-start token on every change, and the page's meta tag holding it. */
export const TOKEN_HEADER = 'x-playground-token';
export const TOKEN_META = 'playground-token';
