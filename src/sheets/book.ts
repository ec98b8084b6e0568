/** The Apps Script types the sheet layer passes around, declared once. */
export type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Range = GoogleAppsScript.Spreadsheet.Range;
export type DocumentProperties = GoogleAppsScript.Properties.Properties;
