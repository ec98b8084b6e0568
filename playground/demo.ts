/**
 * The demo workbook: a few hundred deals over the past year, owners, BANT checkboxes, stage history,
 * some stale deals, and a Forecast tab whose cells use our functions. Built through the add-on itself
 * (Set up pipeline, then the jobs), so it looks exactly like a real sheet using the add-on.
 */
import type { Emulator } from '../emulator';
import { COLUMN_KEYS, COLUMN_LABELS, OPTIONAL_COLUMNS } from '../src/core/columns';

const STAGES = [
  'Lead Generation',
  'Initial Contact',
  'Qualification',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
];
const OWNERS = ['Ana Ruiz', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Emma Schmidt'];
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Cyberdyne',
  'Soylent',
  'Tyrell',
  'Wonka',
  'Vandelay',
];
const PRODUCTS = ['renewal', 'expansion', 'pilot', 'platform deal', 'add-on seats', 'services'];
const LOST_REASONS = ['Price', 'Chose a competitor', 'No budget', 'Timing', 'No decision'];
/** The add-on's own columns, in its order (what Set up pipeline would add). */
const HEADERS: string[] = COLUMN_KEYS.filter((k) => !OPTIONAL_COLUMNS.includes(k)).map((k) => COLUMN_LABELS[k]);
const DAY = 86_400_000;

/** A small deterministic generator, so the demo is the same every time. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export function buildDemo(emu: Emulator, dealCount = 300): void {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const now = emu.clock.now();
  const day = (offset: number): Date => new Date(Math.floor(now / DAY) * DAY + offset * DAY + 12 * 3_600_000);
  const rows: unknown[][] = [HEADERS];
  const history: unknown[][] = [['Timestamp', 'Deal ID', 'Deal', 'From', 'To', 'Changed by', 'Via', 'Note']];
  for (let i = 1; i <= dealCount; i++) {
    const created = -Math.floor(rnd() * 360) - 5;
    const weights = [0.1, 0.12, 0.14, 0.14, 0.1, 0.25, 0.15];
    let x = rnd();
    let k = 0;
    while (k < 6 && x > (weights[k] as number)) {
      x -= weights[k] as number;
      k++;
    }
    const stage = STAGES[k] as string;
    const closed = k >= 5;
    const steps = closed ? (k === 5 ? 5 : 1 + Math.floor(rnd() * 4)) : k;
    const span = -created;
    const entered = Math.min(-1, created + Math.floor(span * (0.4 + rnd() * 0.5)));
    const stale = !closed && rnd() < 0.2;
    // Stale deals were last touched weeks ago; the others this week.
    const last = stale
      ? Math.min(entered, -20 - Math.floor(rnd() * 40))
      : Math.max(entered, -1 - Math.floor(rnd() * 5));
    const past = (s: number): boolean => steps > s;
    const owner = pick(OWNERS);
    const company = pick(COMPANIES);
    const id = `D-${String(i).padStart(4, '0')}`;
    const name = `${company} ${pick(PRODUCTS)}`;
    rows.push([
      id,
      name,
      company,
      owner,
      stage,
      Math.round((2 + rnd() * 98) * 10) * 100,
      i % 17 === 0 ? 0.65 : '',
      closed ? day(entered) : day(10 + Math.floor(rnd() * 170)),
      day(created),
      day(Math.min(entered, last)),
      day(last),
      past(3) || k === 3 || k === 4,
      past(3) || rnd() < 0.4,
      past(3) || rnd() < 0.6,
      past(3) || rnd() < 0.3,
      closed ? '' : pick(['Send proposal', 'Book demo', 'Call back', 'Legal review', 'Intro meeting']),
      // Follow-ups due from a few days ago to two weeks out (no random draw: the demo stays the same).
      closed ? '' : day(-4 + (i % 18)),
      k === 6 ? pick(LOST_REASONS) : '',
      '',
    ]);
    // History: the stages it went through, spread between creation and now.
    const path = k === 6 ? STAGES.slice(0, steps).concat('Closed Lost') : STAGES.slice(0, k + 1);
    path.forEach((to, j) => {
      const when =
        j === path.length - 1
          ? entered
          : created + Math.floor(((entered - created) * j) / Math.max(1, path.length - 1));
      history.push([
        day(when),
        id,
        name,
        j === 0 ? '' : path[j - 1],
        to,
        owner.toLowerCase().replace(/[^a-z]+/g, '.') + '@example.com',
        j === 0 ? 'import' : 'sidebar',
        '',
      ]);
    });
  }
  emu.counter.quiet(() => {
    const dealsTab = emu.book.insertSheet('Deals');
    dealsTab.getRange(1, 1, rows.length, HEADERS.length).setValues(rows);
    const log = emu.book.insertSheet('Stage History');
    if (history.length > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), history.length - log.getMaxRows());
    log.getRange(1, 1, history.length, 8).setValues(history);
    log.getRange(2, 1, history.length - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm');
  });
  emu.call('menuSetUpPipeline');
  // A few days of snapshots for the trend, then today's figures.
  emu.clock.set(now - 5 * DAY);
  for (let d = 0; d < 5; d++) {
    emu.call('menuRefreshSummary');
    emu.clock.advance(DAY);
  }
  emu.call('menuFlagStaleDeals');
  emu.call('menuRefreshSummary');
  const n = rows.length;
  emu.counter.quiet(() => {
    const calc = emu.book.insertSheet('Forecast', 1);
    calc.getRange(1, 1, 9, 2).setValues([
      ['Figure', 'Formula'],
      [
        'Weighted forecast',
        `=WEIGHTED_FORECAST(Deals!F2:F${n}, Deals!E2:E${n}, 'Pipeline Settings'!A1:C8, Deals!G2:G${n})`,
      ],
      ['Pipeline value', `=PIPELINE_VALUE(Deals!F2:F${n}, Deals!E2:E${n})`],
      ['Win rate', `=WIN_RATE(Deals!E2:E${n})`],
      ['Average deal size', `=AVERAGE_DEAL_SIZE(Deals!F2:F${n}, Deals!E2:E${n})`],
      ['Sales cycle (days)', `=SALES_CYCLE_DAYS(Deals!I2:I${n}, Deals!J2:J${n}, Deals!E2:E${n})`],
      ['Sales velocity / day', `=SALES_VELOCITY(Deals!F2:F${n}, Deals!E2:E${n}, Deals!I2:I${n}, Deals!J2:J${n})`],
      ['Qualification -> Proposal', `=CONVERSION_RATE(Deals!E2:E${n}, "Qualification", "Proposal")`],
      ['Funnel', ''],
    ]);
    calc.getRange('B2:B3').setNumberFormat('$#,##0');
    calc.getRange('B5').setNumberFormat('$#,##0');
    calc.getRange('B7').setNumberFormat('$#,##0');
    calc.getRange('B4').setNumberFormat('0.0%');
    calc.getRange('B6').setNumberFormat('0.0');
    calc.getRange('B8').setNumberFormat('0.0%');
    calc.getRange('A10').setValue(`=FUNNEL(Deals!E2:E${n}, Deals!F2:F${n})`);
    calc.getRange('A18').setValue(`=FORECAST_BY_MONTH(Deals!F2:F${n}, Deals!E2:E${n}, Deals!H2:H${n}, , 6)`);
    calc.getRange(1, 1, 1, 2).setFontWeight('bold');
  });
  const deals = emu.counter.quiet(() => emu.book.getSheetByName('Deals'));
  if (deals) emu.counter.quiet(() => deals.activate());
}
