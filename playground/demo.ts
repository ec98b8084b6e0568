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
  const history: unknown[][] = [['Timestamp', 'Deal ID', 'Deal', 'From', 'To', 'Changed by', 'Via', 'Note', 'Field']];
  /** Field changes, logged after the stage moves (the Forecast tab's formulas read the moves' rows only). */
  const fields: unknown[][] = [];
  const paths: DemoPath[] = [];
  let lastOpen: { company: string; name: string } | undefined;
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
    const pickedCompany = pick(COMPANIES);
    const id = `D-${String(i).padStart(4, '0')}`;
    // A number in the name (from the row, no random draw: the demo stays the same), as teams number
    // repeat business; company + product alone repeat so often that most deals would look like
    // possible duplicates.
    const pickedName = `${pickedCompany} ${pick(PRODUCTS)} #${100 + i}`;
    // Every 40th deal, if open, was entered twice by another rep: a possible duplicate of the last open deal.
    const copyOf = !closed && i % 40 === 0 ? lastOpen : undefined;
    const company = copyOf ? copyOf.company : pickedCompany;
    const name = copyOf ? `${copyOf.name} (entered again)` : pickedName;
    if (!closed) lastOpen = { company, name };
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
    const row = rows[rows.length - 1] as unknown[];
    const demoPath: DemoPath = {
      value: row[5] as number,
      own: row[6] === '' ? Number.NaN : (row[6] as number),
      close: Math.floor(((row[7] as Date).getTime() - now) / DAY),
      moves: [],
    };
    paths.push(demoPath);
    path.forEach((to, j) => {
      const when =
        j === path.length - 1
          ? entered
          : created + Math.floor(((entered - created) * j) / Math.max(1, path.length - 1));
      demoPath.moves.push([when, STAGES.indexOf(to)]);
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
    // Field changes (Stage History's Field column), so the summary's slipped deals and what changed have
    // something to show: every 9th open deal's close date pushed twice, every 13th's value raised this week.
    const by = owner.toLowerCase().replace(/[^a-z]+/g, '.') + '@example.com';
    if (!closed && i % 9 === 0) {
      const c = demoPath.close;
      fields.push([
        day(Math.max(created, -30)),
        id,
        name,
        day(c - 45),
        day(c - 20),
        by,
        'sidebar',
        '',
        'Expected Close',
      ]);
      fields.push([day(-3), id, name, day(c - 20), day(c), by, 'sidebar', '', 'Expected Close']);
    }
    if (!closed && i % 13 === 0)
      fields.push([
        day(-2),
        id,
        name,
        Math.round(demoPath.value * 0.008) * 100,
        demoPath.value,
        by,
        'edit',
        '',
        'Value',
      ]);
  }
  emu.counter.quiet(() => {
    const dealsTab = emu.book.insertSheet('Deals');
    dealsTab.getRange(1, 1, rows.length, HEADERS.length).setValues(rows);
    const log = emu.book.insertSheet('Stage History');
    const all = history.map((r) => (r.length < 9 ? [...r, ''] : r)).concat(fields);
    if (all.length > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), all.length - log.getMaxRows());
    log.getRange(1, 1, all.length, 9).setValues(all);
    log.getRange(2, 1, all.length - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm');
  });
  emu.call('menuSetUpPipeline');
  // A few days of snapshots for the trend, then today's figures.
  emu.clock.set(now - 5 * DAY);
  for (let d = 0; d < 5; d++) {
    emu.call('menuRefreshSummary');
    emu.clock.advance(DAY);
  }
  emu.call('menuFlagStaleDeals');
  seedForecastSnapshots(emu, paths, now);
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
    calc.getRange(1, 7, 4, 2).setValues([
      ['Learned from history', 'Formula'],
      [
        'Proposal win rate (observed)',
        `=HISTORICAL_WIN_RATE("Proposal", Deals!E2:E${n}, Deals!A2:A${n}, 'Stage History'!A2:E${history.length})`,
      ],
      [
        'Weighted forecast (observed)',
        `=WEIGHTED_FORECAST(Deals!F2:F${n}, Deals!E2:E${n}, 'Pipeline Settings'!A1:C8, Deals!G2:G${n}, Deals!A2:A${n}, 'Stage History'!A2:E${history.length})`,
      ],
      ['Time in stage', ''],
    ]);
    calc.getRange('H2').setNumberFormat('0.0%');
    calc.getRange('H3').setNumberFormat('$#,##0');
    calc.getRange('G5').setValue(`=TIME_IN_STAGE('Stage History'!A2:E${history.length})`);
    calc.getRange(1, 7, 1, 2).setFontWeight('bold');
    calc.getRange(1, 1, 1, 2).setFontWeight('bold');
  });
  const deals = emu.counter.quiet(() => emu.book.getSheetByName('Deals'));
  if (deals) emu.counter.quiet(() => deals.activate());
}

/** A demo deal's value, own probability, expected close and stage moves ([day offset, stage index]). */
interface DemoPath {
  value: number;
  own: number;
  close: number;
  moves: [number, number][];
}

const SET_PROBABILITY = [0.1, 0.2, 0.3, 0.5, 0.75, 1, 0];

/**
 * Six months of daily forecast snapshots, as the daily job would have left them in its Forecast
 * Snapshots tab: each past day, per close month (that month and the next four), the weighted
 * forecast of the deals as they stood that day (their stage then, from their moves), by the set and
 * by the observed probabilities (the add-on's rule: (won + 10 x set) / (closed + 10), from today's
 * outcomes). So the summary's forecast accuracy section has real content in the demo.
 */
function seedForecastSnapshots(emu: Emulator, paths: readonly DemoPath[], now: number): void {
  const observed = SET_PROBABILITY.slice();
  for (let s = 0; s < 5; s++) {
    let won = 0;
    let closed = 0;
    for (const p of paths) {
      const last = (p.moves[p.moves.length - 1] as [number, number])[1];
      if (last < 5) continue;
      const reached = Math.max(...p.moves.map(([, k]) => (k === 6 ? -1 : k)));
      if (reached < s) continue;
      closed++;
      if (last === 5) won++;
    }
    observed[s] = (won + 10 * (SET_PROBABILITY[s] as number)) / (closed + 10);
  }
  const date = (offset: number): Date => new Date(Math.floor(now / DAY) * DAY + offset * DAY + 12 * 3_600_000);
  const monthOf = (offset: number): number => {
    const d = date(offset);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const firstOf = (month: number): Date => new Date(Date.UTC(Math.floor(month / 12), month % 12, 1, 12));
  const seeded: unknown[][] = [];
  for (let d = -230; d < -5; d++) {
    const first = monthOf(d);
    const sums = Array.from({ length: 5 }, () => [0, 0, 0]);
    for (const p of paths) {
      const m = monthOf(p.close) - first;
      if (m < 0 || m > 4) continue;
      // The deal's stage that day: its last move on or before it (none yet: not created).
      let stage = -1;
      for (const [when, k] of p.moves) if (when <= d) stage = k;
      if (stage < 0 || stage === 6) continue;
      const own = stage < 5 && p.own === p.own;
      const sum = sums[m] as number[];
      sum[0] = (sum[0] as number) + 1;
      sum[1] = (sum[1] as number) + p.value * (own ? p.own : (SET_PROBABILITY[stage] as number));
      sum[2] = (sum[2] as number) + p.value * (own ? p.own : (observed[stage] as number));
    }
    sums.forEach((sum, m) => seeded.push([date(d), firstOf(first + m), sum[0], sum[1], sum[2]]));
  }
  emu.counter.quiet(() => {
    const tab = emu.book.getSheetByName('Forecast Snapshots');
    if (!tab) return;
    const own = tab.getLastRow() > 1 ? tab.getRange(2, 1, tab.getLastRow() - 1, 5).getValues() : [];
    const all = [...seeded, ...own];
    if (all.length + 1 > tab.getMaxRows()) tab.insertRowsAfter(tab.getMaxRows(), all.length + 1 - tab.getMaxRows());
    tab.getRange(2, 1, all.length, 5).setValues(all);
    tab.getRange(2, 1, all.length, 1).setNumberFormat('yyyy-mm-dd');
    tab.getRange(2, 2, all.length, 1).setNumberFormat('yyyy-mm');
    tab.getRange(2, 4, all.length, 2).setNumberFormat('$#,##0');
  });
}
