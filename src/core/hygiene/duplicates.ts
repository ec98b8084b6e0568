/**
 * Possible duplicate deals: two open deals of the same company with similar names.
 * - Same company: company names equal once folded (case, accents, punctuation, spaces) and without
 *   a trailing legal form ("Acme Inc." = "ACME" = "acme, ltd").
 * - Similar names (folded the same way): equal; or sharing at least 60% of their words (Jaccard
 *   overlap of the word sets: "Acme renewal" and "Acme renewal 2026" share 2 of 3); or within an
 *   edit distance of 20% of the longer name with the same numbers ("Acme Widgets" and "Acme Widget").
 *   Two names that both carry numbers, different ones, are never similar ("Deal 305" and "Deal 605",
 *   "Acme renewal 2025" and "Acme renewal 2026": numbered repeat business).
 * Deals are grouped by company first, so the cost is O(n) plus the pairs inside each company; a
 * company with more than GROUP_PAIRWISE open deals compares each name with its neighbours in sorted
 * order only (O(n log n) overall, never n^2 over all deals). A blank company is never a match.
 */
import { DealRecord } from '../deals';

export interface DuplicateGroup {
  /** The company as typed on the first deal of the group. */
  readonly company: string;
  /** Two or more open deals, in sheet row order. */
  readonly deals: readonly DealRecord[];
}

/** Companies with more open deals than this compare each name with its sorted neighbours only. */
export const GROUP_PAIRWISE = 60;
const NEIGHBOURS = 4;
const WORD_OVERLAP = 0.6;
const EDIT_RATIO = 0.2;
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'co',
  'corp',
  'corporation',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'plc',
  'pty',
]);

/** Lower case, accents dropped, anything but letters and digits a single space. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function companyKey(company: string): string {
  const words = foldName(company).split(' ').filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Whether two folded names are similar (see the file comment). */
export function similarNames(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  // Numbering, not a typo: when both names carry numbers and they differ ("Deal 305" and "Deal 605",
  // "Acme renewal 2025" and "Acme renewal 2026") they are two deals.
  const na = a.replace(/\D+/g, ' ').trim();
  const nb = b.replace(/\D+/g, ' ').trim();
  if (na !== '' && nb !== '' && na !== nb) return false;
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  if (shared / (wa.size + wb.size - shared) >= WORD_OVERLAP) return true;
  if (na !== nb) return false;
  const max = Math.floor(Math.max(a.length, b.length) * EDIT_RATIO);
  return max > 0 && editDistance(a, b, max) <= max;
}

/** Groups of possible duplicates among the open deals, in order of their first row. */
export function possibleDuplicates(deals: readonly DealRecord[]): DuplicateGroup[] {
  const byCompany = new Map<string, DealRecord[]>();
  for (const d of deals) {
    if (d.stage.outcome !== 'Open') continue;
    const key = companyKey(d.company);
    if (key === '') continue;
    const list = byCompany.get(key);
    if (list) list.push(d);
    else byCompany.set(key, [d]);
  }
  const groups: DuplicateGroup[] = [];
  for (const list of byCompany.values()) {
    if (list.length < 2) continue;
    const names = list.map((d) => foldName(d.name));
    const parent = list.map((_, i) => i);
    const root = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    const join = (i: number, j: number): void => {
      if (similarNames(names[i] as string, names[j] as string)) parent[root(i)] = root(j);
    };
    if (list.length <= GROUP_PAIRWISE) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) join(i, j);
    } else {
      const order = list.map((_, i) => i).sort((i, j) => ((names[i] as string) < (names[j] as string) ? -1 : 1));
      for (let k = 0; k < order.length; k++)
        for (let m = k + 1; m <= k + NEIGHBOURS && m < order.length; m++) join(order[k] as number, order[m] as number);
    }
    const clusters = new Map<number, DealRecord[]>();
    list.forEach((d, i) => {
      const r = root(i);
      const c = clusters.get(r);
      if (c) c.push(d);
      else clusters.set(r, [d]);
    });
    for (const c of clusters.values())
      if (c.length > 1) groups.push({ company: (c[0] as DealRecord).company, deals: c.sort((a, b) => a.row - b.row) });
  }
  return groups.sort((a, b) => (a.deals[0] as DealRecord).row - (b.deals[0] as DealRecord).row);
}

/** One Data problems row per deal after the first of each group, naming the first. */
export function duplicateProblems(
  groups: readonly DuplicateGroup[],
  tab: string,
): { tab: string; row: number; column: string; value: string; problem: string }[] {
  const out: { tab: string; row: number; column: string; value: string; problem: string }[] = [];
  for (const g of groups) {
    const first = g.deals[0] as DealRecord;
    for (const d of g.deals.slice(1))
      out.push({
        tab,
        row: d.row,
        column: 'Deal',
        value: JSON.stringify(d.name),
        problem: `possibly the same deal as row ${first.row} (${first.id ? `${first.id} ` : ''}${JSON.stringify(first.name)}): same company "${g.company}", both open`,
      });
  }
  return out;
}
