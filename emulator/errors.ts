/**
 * Apps Script's own error texts, where the add-on or its users depend on them. Each is pinned by a
 * test in test/emulator/.
 */
export const ERR = {
  rowsMismatch: (data: number, range: number) =>
    `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  lockTimeout: 'Exception: Lock timeout: another process was holding the lock for too long.',
  addonRecurrence: 'The recurrence interval for an Add-on trigger must be at least one hour',
  addonTooManyTimeTriggers:
    'This add-on has created too many time-based triggers in this document for this Google user account.',
  addonTooManyTriggers: (type: string) =>
    `This add-on has created too many ${type} triggers in this document for this Google user account.`,
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  sheetExists: (name: string) =>
    `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
  rangeNotFound: 'Exception: Range not found',
  outOfBounds: 'Exception: Those rows are out of bounds.',
  propertyTooLarge: 'Exception: Argument too large: value',
  cacheTooLarge: 'Exception: Argument too large: value',
  authNone: (service: string) =>
    `Exception: You do not have permission to call ${service}. Required permissions are not available in AuthMode.NONE.`,
  customFunctionPermission: (service: string) => `Exception: You do not have permission to call ${service}.`,
  needsAuthorization: (service: string) =>
    `Exception: You do not have permission to call ${service}. Required permissions: https://www.googleapis.com/auth/script.scriptapp`,
  uiOutsideDocument: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
} as const;
