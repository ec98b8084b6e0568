/** Pure hygiene rules: no progress per stage, snooze, possible duplicates, archive selection and deletion runs. */
import { DealRecord } from '../../src/core/deals';
import { archiveCandidates, archiveLayout, deletionRuns, withArchived } from '../../src/core/hygiene/archive';
import { companyKey, possibleDuplicates, similarNames, foldName } from '../../src/core/hygiene/duplicates';
import { cleanupCandidates, rowStamp } from '../../src/core/hygiene/no-progress';
import { activeSnooze, snoozeText } from '../../src/core/snooze';
import { staleness } from '../../src/core/staleness';
import { defaultStageTable } from '../../src/core/settings';

const table = defaultStageTable();
const stage = (name: string) => table.find(name)!;
let nextRow = 2;
function deal(o: Partial<DealRecord> & { stageName?: string }): DealRecord {
  const { stageName, ...rest } = o;
  return {
    row: nextRow++,
    id: `D-${nextRow}`,
    name: 'x',
    company: '',
    owner: '',
    stage: stage(stageName ?? 'Lead Generation'),
    value: 0,
    override: NaN,
    expectedClose: NaN,
    created: NaN,
    stageEntered: NaN,
    lastActivity: NaN,
    nextStep: '',
    nextStepDue: NaN,
    snoozedUntil: NaN,
    snoozeReason: '',
    forecastCategory: '',
    cells: () => '',
    ...rest,
  };
}

describe('cleanup candidates', () => {
  test('at least the stage limit since the later of Stage Entered and Last Activity; closed, snoozed and undated never', () => {
    const today = 1000;
    const deals = [
      deal({ name: 'at limit', stageEntered: today - 60 }), // Lead Generation: 60
      deal({ name: 'one short', stageEntered: today - 59 }),
      deal({ name: 'touched late', stageEntered: today - 200, lastActivity: today - 10 }),
      deal({ name: 'snoozed', stageEntered: today - 200, snoozedUntil: today }),
      deal({ name: 'snooze expired', stageEntered: today - 200, snoozedUntil: today - 1 }),
      deal({ name: 'won', stageName: 'Closed Won', stageEntered: today - 500 }),
      deal({ name: 'undated' }),
      deal({ name: 'negotiation', stageName: 'Negotiation', stageEntered: today - 45 }),
    ];
    // Independent: a plain loop over the same rule.
    const expected = deals
      .filter((d) => d.stage.outcome === 'Open' && !(d.snoozedUntil >= today))
      .map((d) => {
        const a = Number.isNaN(d.lastActivity) ? -Infinity : d.lastActivity;
        const b = Number.isNaN(d.stageEntered) ? -Infinity : d.stageEntered;
        return { name: d.name, days: today - Math.max(a, b), limit: d.stage.cleanupAfter as number };
      })
      .filter((x) => Number.isFinite(x.days) && x.days >= x.limit)
      .map((x) => x.name)
      .sort();
    expect(
      cleanupCandidates(deals, today)
        .map((c) => c.deal.name)
        .sort(),
    ).toEqual(expected);
    expect(expected).toEqual(['at limit', 'negotiation', 'snooze expired']);
  });

  test('a row stamp changes with any cell but Health', () => {
    expect(rowStamp(['a', 1, 'health'], 2)).toBe(rowStamp(['a', 1, 'other'], 2));
    expect(rowStamp(['a', 1], 2)).not.toBe(rowStamp(['a', 2], 2));
  });
});

describe('snooze', () => {
  test('counts through its day, then expires; staleness and Health text', () => {
    const d = deal({ stageEntered: 0, snoozedUntil: 100, snoozeReason: 'waiting on legal' });
    expect(activeSnooze(d, 100)).toEqual({ until: 100, reason: 'waiting on legal' });
    expect(activeSnooze(d, 101)).toBeUndefined();
    expect(staleness(d, 100).kind).toBe('snoozed');
    expect(staleness(d, 101).kind).toBe('stale');
    expect(snoozeText({ until: Date.UTC(2026, 11, 10) / 86_400_000, reason: 'waiting on legal' })).toBe(
      'Snoozed until 2026-12-10: waiting on legal',
    );
  });
});

describe('possible duplicates', () => {
  test('similar names: folded equality, 60% shared words, or edit distance within 20%', () => {
    expect(similarNames(foldName('Acme — Renewal!'), foldName('acme renewal'))).toBe(true);
    expect(similarNames(foldName('Acme renewal'), foldName('Acme renewal 2026'))).toBe(true); // 2 of 3 words
    expect(similarNames(foldName('Acme Widgets'), foldName('Acme Widget'))).toBe(true); // 1 edit in 12
    expect(similarNames(foldName('Acme widgets'), foldName('Acme support'))).toBe(false);
    expect(similarNames(foldName('Deal 305'), foldName('Deal 605'))).toBe(false); // numbering, not a typo
    // Both numbered, differently: two deals, though 3 of their 5 words are shared.
    expect(similarNames(foldName('Stark Industries renewal #259'), foldName('Stark Industries renewal #101'))).toBe(
      false,
    );
    expect(similarNames(foldName('Acme renewal 2025'), foldName('Acme renewal 2026'))).toBe(false);
    expect(companyKey('ACME, Inc.')).toBe(companyKey('acme'));
  });

  test('grouped by company, open deals only; matches a pairwise check over all deals', () => {
    const names = ['Renewal', 'renewal 2026', 'Support', 'Renewal', 'Widgets', 'Widget'];
    const deals = names.map((name, i) =>
      deal({ name, company: i % 2 ? 'Beta Ltd' : 'Beta', stageName: i === 3 ? 'Closed Lost' : 'Qualification' }),
    );
    deals.push(deal({ name: 'Renewal', company: 'Gamma' }), deal({ name: 'Renewal', company: '' }));
    // Independent: every pair, then connected components by a plain loop.
    const open = deals.filter((d) => d.stage.outcome === 'Open' && d.company !== '');
    const pairs: [number, number][] = [];
    for (let i = 0; i < open.length; i++)
      for (let j = i + 1; j < open.length; j++)
        if (
          companyKey(open[i]!.company) === companyKey(open[j]!.company) &&
          similarNames(foldName(open[i]!.name), foldName(open[j]!.name))
        )
          pairs.push([open[i]!.row, open[j]!.row]);
    const got = possibleDuplicates(deals).map((g) => g.deals.map((d) => d.row));
    for (const [a, b] of pairs) expect(got.some((g) => g.includes(a) && g.includes(b))).toBe(true);
    expect(got.flat().length).toBe(new Set(pairs.flat()).size);
  });
});

describe('archive', () => {
  test('closed deals whose close day is at least N days ago, with a Deal ID, oldest first', () => {
    const today = 1000;
    const deals = [
      deal({ stageName: 'Closed Won', stageEntered: today - 180 }),
      deal({ stageName: 'Closed Lost', stageEntered: today - 179 }),
      deal({ stageName: 'Closed Lost', expectedClose: today - 400 }),
      deal({ stageName: 'Closed Won', stageEntered: today - 900, id: '' }),
      deal({ stageName: 'Qualification', stageEntered: today - 900 }),
    ];
    expect(archiveCandidates(deals, today, 180).map((d) => d.row)).toEqual([deals[2]!.row, deals[0]!.row]);
  });

  test('deletion runs are bottom-up and merge adjacent rows', () => {
    expect(deletionRuns([3, 4, 5, 9, 7, 8, 12])).toEqual([
      { start: 12, count: 1 },
      { start: 7, count: 3 },
      { start: 3, count: 3 },
    ]);
  });

  test('archive layout keeps its headers, adds the missing ones, maps by folded header', () => {
    const l = archiveLayout(['Deal ID', 'Deal', 'Notes'], ['deal id', 'Stage', 'Deal']);
    expect(l.headers).toEqual(['deal id', 'Stage', 'Deal', 'Notes']);
    expect(l.source).toEqual([0, -1, 1, 2]);
  });

  test('a Deal ID on both tabs counts once, from Deals', () => {
    const a = deal({ id: 'D-1', value: 1 });
    const b = deal({ id: 'D-1', value: 2 });
    const c = deal({ id: 'D-2', value: 3 });
    expect(withArchived([a], [b, c, c]).map((d) => d.value)).toEqual([1, 3]);
  });
});
