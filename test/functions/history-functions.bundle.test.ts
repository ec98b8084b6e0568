/**
 * TIME_IN_STAGE, HISTORICAL_WIN_RATE and the observed-probability option of WEIGHTED_FORECAST and
 * FORECAST_BY_MONTH through the built bundle, against plain loops written here over the same cells.
 */
import { DEFAULT_STAGE_NAMES as NAMES } from '../../fixtures/deals';
import { randomInt, seededRandom } from '../../fixtures/random';
import { wallToInstant } from '../../emulator/time';
import { loadedEmulator } from '../helpers/workbook';

const ZONE = 'America/New_York';
const SET = [0.1, 0.2, 0.3, 0.5, 0.75];
const emu = loadedEmulator({ timeZone: ZONE });
const call = (name: string, ...args: unknown[]): unknown => emu.callCustomFunction(name, ...args);
/** Day k after 1 Jan 2026 at `hour` o'clock in the sheet's zone. */
const at = (k: number, hour = 0): Date => new Date(wallToInstant(2026, 1, 1 + k, ZONE).getTime() + hour * 3_600_000);

interface World {
  ids: string[];
  stages: number[];
  values: (number | '')[];
  probs: (number | '')[];
  closeDays: number[];
  history: unknown[][];
  /** Per deal, its moves as [day, stage index] in time order. */
  moves: [number, number][][];
}

function world(seed: number, n: number): World {
  const random = seededRandom(seed);
  const w: World = { ids: [], stages: [], values: [], probs: [], closeDays: [], history: [], moves: [] };
  for (let i = 0; i < n; i++) {
    const id = `D-${i}`;
    const stage = randomInt(random, 0, 6);
    w.ids.push(id);
    w.stages.push(stage);
    w.values.push(random() < 0.1 ? '' : randomInt(random, 1, 500) * 10);
    w.probs.push(stage < 5 && random() < 0.3 ? randomInt(random, 0, 100) / 100 : '');
    w.closeDays.push(randomInt(random, 0, 200));
    // A path of moves through lower stages, then the current one; some deals have none.
    const moves: [number, number][] = [];
    if (random() < 0.85) {
      let day = randomInt(random, 0, 50);
      const top = stage === 6 ? randomInt(random, 0, 4) : stage === 5 ? randomInt(random, 0, 4) : stage;
      for (let s = randomInt(random, 0, top); s <= top; s += randomInt(random, 1, 2)) {
        moves.push([day, s]);
        day += randomInt(random, 1, 40);
      }
      if (stage >= 5) moves.push([day, stage]);
    }
    w.moves.push(moves);
    moves.forEach(([day, s], k) =>
      w.history.push([
        at(day, randomInt(random, 0, 20)),
        id,
        `Deal ${i}`,
        k === 0 ? '' : NAMES[moves[k - 1]![1]],
        NAMES[s],
      ]),
    );
  }
  // The tab's rows in no particular order.
  for (let i = w.history.length - 1; i > 0; i--) {
    const j = randomInt(random, 0, i);
    [w.history[i], w.history[j]] = [w.history[j]!, w.history[i]!];
  }
  return w;
}

const col = <T>(xs: T[]): T[][] => xs.map((x) => [x]);
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  const r = p * (s.length - 1);
  const lo = Math.floor(r);
  return lo + 1 < s.length ? s[lo]! + (r - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
};

describe.each([1, 2, 3])('random pipeline %i', (seed) => {
  const w = world(seed, 300);
  const stages = col(w.stages.map((s) => NAMES[s]));
  const ids = col(w.ids);

  test('TIME_IN_STAGE: per open stage, days between a move in and the next move, median and 75th percentile', () => {
    const days: number[][] = [[], [], [], [], []];
    for (const moves of w.moves)
      for (let k = 0; k + 1 < moves.length; k++)
        if (moves[k]![1] < 5) days[moves[k]![1]]!.push(moves[k + 1]![0] - moves[k]![0]);
    const table = call('TIME_IN_STAGE', w.history) as unknown[][];
    expect(table[0]).toEqual(['Stage', 'Deals left', 'Median days', '75th percentile days']);
    days.forEach((d, s) => {
      const row = table[s + 1]!;
      expect(row[0]).toBe(NAMES[s]);
      expect(row[1]).toBe(d.length);
      if (d.length === 0) expect(row.slice(2)).toEqual(['', '']);
      else {
        expect(row[2]).toBeCloseTo(percentile(d, 0.5), 9);
        expect(row[3]).toBeCloseTo(percentile(d, 0.75), 9);
      }
    });
  });

  // Reach by the funnel's rule: the highest open/won stage in the history or the current stage (not for lost).
  const reach = w.moves.map((moves, i) => {
    let top = w.stages[i] === 6 ? -1 : w.stages[i]!;
    for (const [, s] of moves) if (s !== 6 && s > top) top = s;
    return top;
  });
  const observed = SET.map((p, s) => {
    let closed = 0;
    let won = 0;
    w.stages.forEach((st, i) => {
      if (st < 5 || reach[i]! < s) return;
      closed++;
      if (st === 5) won++;
    });
    return (won + 10 * p) / (closed + 10);
  });

  test('HISTORICAL_WIN_RATE: (won + 10 x set) / (closed + 10) over closed deals that reached the stage', () => {
    SET.forEach((_, s) =>
      expect(call('HISTORICAL_WIN_RATE', NAMES[s], stages, ids, w.history)).toBeCloseTo(observed[s]!, 12),
    );
  });

  test("FORECAST_BY_MONTH's Weighted total equals WEIGHTED_FORECAST's, by the set and the observed probabilities, with and without own probabilities", () => {
    const values = col(w.values);
    const probs = col(w.probs);
    const close = col(w.closeDays.map((d) => at(d)));
    const expected = (weights: number[], own: boolean): number =>
      w.stages.reduce((sum, s, i) => {
        const v = w.values[i] as number | '';
        if (s === 6 || v === '') return sum;
        const p = s === 5 ? 1 : own && w.probs[i] !== '' ? (w.probs[i] as number) : weights[s]!;
        return sum + v * p;
      }, 0);
    const total = (t: unknown[][]): number => t.slice(1).reduce((x, r) => x + (r[3] as number), 0);
    for (const [own, obs] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const p = own ? probs : undefined;
      const extra = obs ? [ids, w.history] : [];
      const wf = call('WEIGHTED_FORECAST', values, stages, undefined, p, ...extra) as number;
      const fbm = call(
        'FORECAST_BY_MONTH',
        values,
        stages,
        close,
        undefined,
        undefined,
        undefined,
        p,
        ...extra,
      ) as unknown[][];
      expect(wf).toBeCloseTo(expected(obs ? observed : SET, own), 6);
      expect(total(fbm)).toBeCloseTo(wf, 6);
    }
  });
});

test('errors name the argument: deal_ids without history, a history range too narrow, a closed stage', () => {
  const H = [[at(1), 'D-1', 'A', '', 'Proposal']];
  expect(() => call('WEIGHTED_FORECAST', [[1]], [['Proposal']], undefined, undefined, [['D-1']])).toThrow(
    'WEIGHTED_FORECAST: observed probabilities need both deal_ids and history (got only deal_ids)',
  );
  expect(() => call('TIME_IN_STAGE', [[at(1), 'D-1', 'A']])).toThrow(
    "TIME_IN_STAGE: history must be the Stage History range from Timestamp to To (5 columns or more, e.g. 'Stage History'!A2:E), not 3 columns",
  );
  expect(() => call('HISTORICAL_WIN_RATE', 'Closed Won', [['Proposal']], [['D-1']], H)).toThrow(
    'HISTORICAL_WIN_RATE: stage "Closed Won" is a Won stage; give an open stage',
  );
  expect(() => call('HISTORICAL_WIN_RATE', 'Proposal', [['Propsal']], [['D-1']], H)).toThrow(
    /row 1 of stages: "Propsal" is not a known stage/,
  );
  expect(() => call('HISTORICAL_WIN_RATE', 'Proposal', [['Proposal'], ['']], [['D-1'], ['D-2']], H)).toThrow(
    /row 2 of stages: the stage is blank/,
  );
  expect(() =>
    call('FORECAST_BY_MONTH', [[1]], [['Proposal']], [[at(1)]], undefined, undefined, undefined, [['lots']]),
  ).toThrow('FORECAST_BY_MONTH: row 1 of probabilities: "lots" is not a probability between 0 and 100%');
});

test('TIME_IN_STAGE as_of counts only moves on or before that day; a header row in the range is harmless', () => {
  const H = [
    ['Timestamp', 'Deal ID', 'Deal', 'From', 'To'],
    [at(0, 9), 'D-1', 'A', '', 'Proposal'],
    [at(10, 17), 'D-1', 'A', 'Proposal', 'Negotiation'],
    [at(12, 9), 'D-2', 'B', '', 'Proposal'],
    [at(40, 9), 'D-2', 'B', 'Proposal', 'Closed Won'],
  ];
  const proposal = (t: unknown): unknown => (t as unknown[][])[4];
  expect(proposal(call('TIME_IN_STAGE', H))).toEqual(['Proposal', 2, 19, 23.5]);
  expect(proposal(call('TIME_IN_STAGE', H, undefined, at(39)))).toEqual(['Proposal', 1, 10, 10]);
});
