/**
 * The sidebar's My deals view: the current user's open deals (or a chosen owner's), highest
 * priority first, with score and reasons; a click selects the deal's row. Sheet text goes in with
 * textContent only.
 */
import type { MyDealsRequest, MyDealsResult, PriorityDealView } from '../src/shared/my-deals-api';
import type { SelectDealResult } from '../src/shared/select-deal-api';

type Call = {
  (name: 'getMyDeals', request: MyDealsRequest): Promise<MyDealsResult>;
  (name: 'selectDeal', request: { dealId: string; row: number }): Promise<SelectDealResult>;
};

const LIMIT = 10;

/** Wires the My deals section; `selected` runs after a row is selected (the move view reloads). */
export function initMyDeals(call: Call, selected: () => void): void {
  const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
  const picker = $<HTMLSelectElement>('my-owner');
  const list = $('my-list');
  const status = $('my-status');
  const say = (text: string, error = false): void => {
    status.textContent = text;
    status.className = `status${error ? ' error' : ''}`;
    status.hidden = text === '';
  };
  const request = (): MyDealsRequest => {
    const v = picker.value;
    return v === '*me'
      ? { who: 'me', owner: '', limit: LIMIT }
      : v === '*all'
        ? { who: 'all', owner: '', limit: LIMIT }
        : { who: 'owner', owner: v, limit: LIMIT };
  };
  const option = (value: string, label: string): HTMLOptionElement => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    return o;
  };
  const item = (d: PriorityDealView): HTMLElement => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    const head = document.createElement('span');
    head.className = 'my-head';
    const name = document.createElement('span');
    name.textContent = d.name || d.dealId || `row ${d.row}`;
    const score = document.createElement('span');
    score.className = 'tag';
    score.textContent = String(d.score);
    head.append(name, score);
    const why = document.createElement('span');
    why.className = 'my-why';
    why.textContent = d.reason;
    b.append(head, why);
    b.setAttribute('aria-label', `Select ${d.name || d.dealId}, priority ${d.score}: ${d.reason}`);
    b.addEventListener('click', () => {
      void call('selectDeal', { dealId: d.dealId, row: d.row }).then(
        (r) => {
          say(r.ok ? '' : r.message, !r.ok);
          if (r.ok) selected();
        },
        (e: Error) => say(`Could not select the deal: ${e.message}`, true),
      );
    });
    li.append(b);
    return li;
  };
  const load = async (): Promise<void> => {
    say('Loading…');
    try {
      const r = await call('getMyDeals', request());
      if (!r.ok) {
        list.replaceChildren();
        say(r.message, true);
        return;
      }
      const keep = picker.value || '*me';
      picker.replaceChildren(
        option('*me', r.me ? `Me (${r.me})` : 'Me'),
        option('*all', 'All owners'),
        ...r.owners.map((o) => option(o, o)),
      );
      picker.value = keep;
      list.replaceChildren(...r.deals.map(item));
      if (r.deals.length === 0)
        say(
          request().who === 'me'
            ? r.me
              ? `No open deals whose Owner is ${r.me}, the part before @, or that part with dots as spaces. Pick an owner.`
              : 'Google does not tell the add-on your e-mail here. Pick an owner.'
            : 'No open deals.',
        );
      else say(r.total > r.deals.length ? `Top ${r.deals.length} of ${r.total}, ${r.title}.` : `${r.title}.`);
    } catch (e) {
      say(`Could not list the deals: ${(e as Error).message}`, true);
    }
  };
  picker.addEventListener('change', () => void load());
  $('my-refresh').addEventListener('click', () => void load());
  void load();
}
