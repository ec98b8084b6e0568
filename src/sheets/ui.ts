/** The spreadsheet's user interface: the add-on menu, dialogs and the sidebar. */

/** A menu item (label, the entry point it calls), or null for a separator. */
export type MenuEntry = readonly [label: string, functionName: string] | null;

/** Adds the add-on menu (Extensions > add-on name). Touches no sheet, property or lock: safe in AuthMode.NONE. */
export function addAddonMenu(entries: readonly MenuEntry[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of entries) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** A dialog with an OK button. Throws where there is no UI (a run from the script editor). */
export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Asks for a line of text; undefined when the user does not press OK. */
export function promptText(title: string, question: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : undefined;
}

/** Opens the HTML file (built into dist/) as the sidebar. */
export function showSidebar(file: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Opens the HTML file (built into dist/) as a modeless dialog of the given size, in pixels. */
export function showModelessDialog(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModelessDialog(html, title);
}

/** Opens the HTML file (built into dist/) as a modal dialog. */
export function showDialog(file: string, title: string, width: number, height: number): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}
