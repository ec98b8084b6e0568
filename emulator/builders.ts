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

/**
 * A conditional-format rule holds ONE boolean condition (criteria + its values) and its format
 * (https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition: "Each
 * conditional format rule may contain a single boolean condition"): a later when...() replaces an
 * earlier one. getBooleanCondition() reports the criteria as a BooleanCriteria name with its values
 * and the format's colors; copy() is "a rule builder preset with this rule's settings"
 * (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule).
 */
export type CriteriaType = 'CUSTOM_FORMULA' | 'TEXT_STARTS_WITH' | 'TEXT_CONTAINS' | 'TEXT_EQUAL_TO';

export interface ConditionalRule {
  readonly formula?: string;
  readonly textStartsWith?: string;
  readonly textContains?: string;
  readonly textEqualTo?: string;
  readonly background?: string;
  readonly fontColor?: string;
  readonly ranges: EmuRange[];
}

const CONDITION_KEYS = ['formula', 'textStartsWith', 'textContains', 'textEqualTo'] as const;
const TYPE_OF: Record<(typeof CONDITION_KEYS)[number], CriteriaType> = {
  formula: 'CUSTOM_FORMULA',
  textStartsWith: 'TEXT_STARTS_WITH',
  textContains: 'TEXT_CONTAINS',
  textEqualTo: 'TEXT_EQUAL_TO',
};

type MutableRule = { -readonly [K in keyof ConditionalRule]: ConditionalRule[K] };

export class EmuConditionalFormatRuleBuilder {
  private rule: MutableRule = { ranges: [] };
  private when(key: (typeof CONDITION_KEYS)[number], value: string): this {
    for (const k of CONDITION_KEYS) delete this.rule[k];
    this.rule[key] = value;
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('formula', formula);
  }
  whenTextStartsWith(text: string): this {
    return this.when('textStartsWith', text);
  }
  whenTextContains(text: string): this {
    return this.when('textContains', text);
  }
  whenTextEqualTo(text: string): this {
    return this.when('textEqualTo', text);
  }
  setBackground(color: string | null): this {
    if (color === null) delete this.rule.background;
    else this.rule.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    if (color === null) delete this.rule.fontColor;
    else this.rule.fontColor = color;
    return this;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): this {
    this.rule.ranges = [...(ranges as unknown as EmuRange[])];
    return this;
  }
  getRanges(): EmuRange[] {
    return [...this.rule.ranges];
  }
  build(): EmuConditionalFormatRule {
    return new EmuConditionalFormatRule({ ...this.rule, ranges: [...this.rule.ranges] });
  }
}

export interface EmuBooleanCondition {
  getCriteriaType(): CriteriaType;
  getCriteriaValues(): unknown[];
  getBackground(): string | null;
  getFontColor(): string | null;
  getBold(): boolean | null;
  getItalic(): boolean | null;
  getStrikethrough(): boolean | null;
  getUnderline(): boolean | null;
}

export class EmuConditionalFormatRule {
  constructor(private readonly rule: ConditionalRule) {}
  _rule(): ConditionalRule {
    return this.rule;
  }
  getRanges(): EmuRange[] {
    return [...this.rule.ranges];
  }
  getBooleanCondition(): EmuBooleanCondition | null {
    const r = this.rule;
    const key = CONDITION_KEYS.find((k) => r[k] !== undefined);
    if (!key) return null;
    const value = r[key] as string;
    return {
      getCriteriaType: () => TYPE_OF[key],
      getCriteriaValues: () => [value],
      getBackground: () => r.background ?? null,
      getFontColor: () => r.fontColor ?? null,
      getBold: () => null,
      getItalic: () => null,
      getStrikethrough: () => null,
      getUnderline: () => null,
    };
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): EmuConditionalFormatRuleBuilder {
    const b = new EmuConditionalFormatRuleBuilder();
    const r = this.rule;
    if (r.formula !== undefined) b.whenFormulaSatisfied(r.formula);
    if (r.textStartsWith !== undefined) b.whenTextStartsWith(r.textStartsWith);
    if (r.textContains !== undefined) b.whenTextContains(r.textContains);
    if (r.textEqualTo !== undefined) b.whenTextEqualTo(r.textEqualTo);
    if (r.background !== undefined) b.setBackground(r.background);
    if (r.fontColor !== undefined) b.setFontColor(r.fontColor);
    b.setRanges(r.ranges as unknown as GoogleAppsScript.Spreadsheet.Range[]);
    return b;
  }
  /**
   * Whether a cell's displayed text matches the rule (formula rules: the playground does not evaluate
   * them). "Text is exactly" compares the whole text; the emulator compares case and all, so a test
   * never relies on Sheets being lenient (the add-on writes stage names from the settings tab).
   */
  _matchesText(text: string): boolean {
    const r = this.rule;
    if (r.textStartsWith !== undefined) return text.startsWith(r.textStartsWith);
    if (r.textContains !== undefined) return text.includes(r.textContains);
    if (r.textEqualTo !== undefined) return text === r.textEqualTo;
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
  /** Rows and columns switched: each row of the ranges is a series (absent: false). */
  transposed?: boolean;
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
  /**
   * "Sets whether the chart's rows and columns are transposed": with true each row of the data is a
   * series and the first row holds the categories
   * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setTransposeRowsAndColumns(Boolean)).
   */
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.state.transposed = transpose;
    return this;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.state.transposed === true;
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
  getTransposeRowsAndColumns(): boolean {
    return this.state.transposed === true;
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
