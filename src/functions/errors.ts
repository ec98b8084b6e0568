/** An error a custom function shows on its cell: "WEIGHTED_FORECAST: row 7 of values: "tbd" is not a number". */
export class FunctionError extends Error {
  constructor(fn: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = 'FunctionError';
  }
}
