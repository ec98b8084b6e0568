/** Data validation, conditional format rules and embedded charts: builders and the built objects. */
import type { EmuRange } from './range';
import { ValidationRule } from './sheet-data';
import { Shape } from './counter';

type GasDVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export class EmuDataValidationBuilder implements Shape<
  GasDVB,
  'requireValueInList' | 'requireValueInRange' | 'requireCheckbox' | 'setAllowInvalid' | 'setHelpText' | 'build'
> {
  private rule: {
    type: ValidationRule['type'];
    values: unknown[];
    allowInvalid: boolean;
    helpText: string;
    showDropdown: boolean;
  } = { type: 'VALUE_IN_LIST', values: [], allowInvalid: true, helpText: '', showDropdown: true };
  requireValueInList(values: string[], showDropdown?: boolean): this {
    this.rule = { ...this.rule, type: 'VALUE_IN_LIST', values: [...values], showDropdown: showDropdown ?? true };
    return this;
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): this {
    this.rule = { ...this.rule, type: 'VALUE_IN_RANGE', values: [range], showDropdown: showDropdown ?? true };
    return this;
  }
  requireCheckbox(): this {
    this.rule = { ...this.rule, type: 'CHECKBOX', values: [] };
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.rule.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.rule.helpText = text;
    return this;
  }
  build(): EmuDataValidation {
    return new EmuDataValidation({ ...this.rule });
  }
}

export class EmuDataValidation {
  constructor(private readonly rule: ValidationRule) {}
  _rule(): ValidationRule {
    return this.rule;
  }
  getCriteriaType(): string {
    return this.rule.type;
  }
  getCriteriaValues(): unknown[] {
    return this.rule.type === 'VALUE_IN_LIST'
      ? [this.rule.values, this.rule.showDropdown]
      : this.rule.type === 'VALUE_IN_RANGE'
        ? [this.rule.values[0], this.rule.showDropdown]
        : [];
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getHelpText(): string {
    return this.rule.helpText;
  }
  /** The allowed values of a list or range rule, for dropdowns in the playground. */
  _options(): string[] {
    if (this.rule.type === 'VALUE_IN_LIST') return this.rule.values.map(String);
    if (this.rule.type === 'VALUE_IN_RANGE')
      return (this.rule.values[0] as EmuRange)
        ._peekValues()
        .flat()
        .filter((v) => v !== '')
        .map(String);
    return [];
  }
}

export interface ConditionalRule {
  readonly formula?: string;
  readonly textStartsWith?: string;
  readonly textContains?: string;
  readonly background?: string;
  readonly fontColor?: string;
  readonly ranges: EmuRange[];
}

export class EmuConditionalFormatRuleBuilder {
  private rule: {
    formula?: string;
    textStartsWith?: string;
    textContains?: string;
    background?: string;
    fontColor?: string;
    ranges: EmuRange[];
  } = { ranges: [] };
  whenFormulaSatisfied(formula: string): this {
    this.rule.formula = formula;
    return this;
  }
  whenTextStartsWith(text: string): this {
    this.rule.textStartsWith = text;
    return this;
  }
  whenTextContains(text: string): this {
    this.rule.textContains = text;
    return this;
  }
  setBackground(color: string): this {
    this.rule.background = color;
    return this;
  }
  setFontColor(color: string): this {
    this.rule.fontColor = color;
    return this;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): this {
    this.rule.ranges = ranges as unknown as EmuRange[];
    return this;
  }
  build(): EmuConditionalFormatRule {
    return new EmuConditionalFormatRule({ ...this.rule, ranges: [...this.rule.ranges] });
  }
}

export class EmuConditionalFormatRule {
  constructor(private readonly rule: ConditionalRule) {}
  _rule(): ConditionalRule {
    return this.rule;
  }
  getRanges(): EmuRange[] {
    return [...this.rule.ranges];
  }
  getBooleanCondition(): {
    getCriteriaType(): string;
    getCriteriaValues(): unknown[];
    getBackground(): string | null;
  } | null {
    const r = this.rule;
    const type =
      r.formula !== undefined
        ? 'CUSTOM_FORMULA'
        : r.textStartsWith !== undefined
          ? 'TEXT_STARTS_WITH'
          : r.textContains !== undefined
            ? 'TEXT_CONTAINS'
            : undefined;
    if (!type) return null;
    const value = r.formula ?? r.textStartsWith ?? r.textContains;
    return { getCriteriaType: () => type, getCriteriaValues: () => [value], getBackground: () => r.background ?? null };
  }
  copy(): EmuConditionalFormatRuleBuilder {
    const b = new EmuConditionalFormatRuleBuilder();
    if (this.rule.formula) b.whenFormulaSatisfied(this.rule.formula);
    if (this.rule.textStartsWith) b.whenTextStartsWith(this.rule.textStartsWith);
    if (this.rule.textContains) b.whenTextContains(this.rule.textContains);
    if (this.rule.background) b.setBackground(this.rule.background);
    if (this.rule.fontColor) b.setFontColor(this.rule.fontColor);
    b.setRanges(this.rule.ranges as unknown as GoogleAppsScript.Spreadsheet.Range[]);
    return b;
  }
  /** Whether a cell's text matches the rule (formula rules: the playground evaluates them). */
  _matchesText(text: string): boolean {
    if (this.rule.textStartsWith !== undefined) return text.startsWith(this.rule.textStartsWith);
    if (this.rule.textContains !== undefined) return text.includes(this.rule.textContains);
    return false;
  }
}

export const CHART_TYPES = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
} as const;

export interface ChartState {
  id: string;
  type: string;
  ranges: EmuRange[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export class EmuChartBuilder {
  constructor(private readonly state: ChartState) {}
  setChartType(type: string): this {
    this.state.type = type;
    return this;
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  asAreaChart(): this {
    return this.setChartType('AREA');
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    this.state.ranges.push(range as unknown as EmuRange);
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  setOption(key: string, value: unknown): this {
    this.state.options[key] = value;
    return this;
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    this.state.position = { row, column, offsetX, offsetY };
    return this;
  }
  build(): EmuChart {
    return new EmuChart({ ...this.state, ranges: [...this.state.ranges], options: { ...this.state.options } });
  }
}

export class EmuChart {
  constructor(private readonly state: ChartState) {}
  _state(): ChartState {
    return this.state;
  }
  getChartId(): number {
    return Number(this.state.id);
  }
  getId(): string {
    return this.state.id;
  }
  getRanges(): EmuRange[] {
    return [...this.state.ranges];
  }
  getOptions(): { get(key: string): unknown } {
    const o = this.state.options;
    return { get: (k: string) => o[k] };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number } {
    const p = this.state.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column };
  }
  modify(): EmuChartBuilder {
    return new EmuChartBuilder({ ...this.state, ranges: [...this.state.ranges], options: { ...this.state.options } });
  }
}
