/**
 * The shared CRM Sales Opportunities data set (../shared/datasets/crm-sales-opportunities, 8,800
 * public deals) for the *.shared-data tests: whether it is here (the suites skip without it), its
 * CSV rows, and the readings every such suite makes of them (a deal's value, its m/d/yyyy dates).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wallToInstant } from '../../emulator/time';

const DIR = join(__dirname, '..', '..', '..', 'shared', 'datasets', 'crm-sales-opportunities');
const HERE = existsSync(join(DIR, 'sales_pipeline.csv'));

/** `describe` when the data set is here, `describe.skip` when the shared folder is absent. */
export const describeCrm = HERE ? describe : describe.skip;

export type CrmRow = Record<string, string>;

function csv(file: string): CrmRow[] {
  if (!HERE) return [];
  const [head, ...lines] = readFileSync(join(DIR, file), 'utf8').trim().split(/\r?\n/);
  const keys = (head as string).split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

/** The zone the suites give the spreadsheet. */
export const CRM_ZONE = 'America/Chicago';

/** The data set's four stages as a Pipeline Settings stage table. */
export const CRM_STAGE_TABLE = [
  ['Stage', 'Win probability'],
  ['Prospecting', 0.1],
  ['Engaging', 0.4],
  ['Won', 1],
  ['Lost', 0],
];

/** "m/d/yyyy" as [year, month, day]. */
const parts = (s: string): [number, number, number] => {
  const [m, d, y] = s.split('/').map(Number);
  return [y as number, m as number, d as number];
};

/** The data set as the suites read it (empty when it is absent). */
export function crmDataset() {
  const deals = csv('sales_pipeline.csv');
  const prices = new Map(csv('products.csv').map((p) => [p.product, Number(p.sales_price)]));
  return {
    deals,
    /** The close value when known, else the product's list price (blank when unknown). */
    valueOf: (r: CrmRow): number | '' =>
      r.close_value ? Number(r.close_value) : (prices.get(r.product as string) ?? ''),
    /** "m/d/yyyy" as Sheets passes a date cell (midnight in CRM_ZONE); '' for a blank. */
    dateCell: (s: string | undefined): Date | '' => (s ? wallToInstant(...parts(s), CRM_ZONE) : ''),
    /** "m/d/yyyy" as a day number (days since 1970-01-01). */
    dayNumber: (s: string): number => Date.UTC(parts(s)[0], parts(s)[1] - 1, parts(s)[2]) / 86_400_000,
  };
}
