/**
 * JSON-safety as a type (src/shared/json.ts), checked by tsc: `npm run typecheck` compiles test/,
 * and each `@ts-expect-error` below fails it unless the next line is an error. So a Date, an
 * undefined, a function or an interface in a shape that crosses google.script.run does not compile.
 */
import type { JsonApi, JsonSafe } from '../../src/shared/json';
import type {
  DealView,
  MoveDealRequest,
  MoveDealResult,
  SelectedDeal,
  SidebarServer,
} from '../../src/shared/sidebar-api';

// @ts-expect-error a Date in a result (the client would receive null)
type _DateInResult = JsonSafe<{ ok: true; closed: Date }>;
// @ts-expect-error a Date deep inside (an array of objects)
type _NestedDate = JsonSafe<{ stages: { name: string; entered: Date }[] }>;
// @ts-expect-error a field that may be undefined (dropped on the way)
type _MaybeUndefined = JsonSafe<{ note: string | undefined }>;
// @ts-expect-error a function
type _FunctionField = JsonSafe<{ run: () => void }>;
interface Viewed {
  name: string;
}
// @ts-expect-error an interface: declaration merging could add any member to it
type _InterfaceField = JsonSafe<{ view: Viewed }>;
// @ts-expect-error a server function returning a Date
type _DateFromServer = JsonApi<{ lastMove(): Date }>;
// @ts-expect-error a server function taking a Date
type _DateToServer = JsonApi<{ moveOn(day: Date): string }>;
// @ts-expect-error a server function returning nothing (undefined)
type _VoidFromServer = JsonApi<{ ping(): void }>;

// What crosses today is accepted (a compile error here means the shared API stopped being JSON).
type _Accepted = [
  JsonSafe<DealView>,
  JsonSafe<SelectedDeal>,
  JsonSafe<MoveDealRequest>,
  JsonSafe<MoveDealResult>,
  JsonApi<SidebarServer>,
];

const deal: DealView = {
  dealId: 'D-0007',
  row: 8,
  name: 'Acme renewal',
  company: 'Acme',
  owner: 'ana@example.com',
  value: 12_500,
  snoozedUntil: '',
  snoozeReason: '',
  expectedClose: '2026-12-01',
  stage: 'Proposal',
  daysInStage: null,
  lostReason: '',
  stages: [
    {
      name: 'Negotiation',
      outcome: 'Open',
      kind: 'forward',
      allMet: false,
      items: [{ stage: 'Negotiation', label: 'Budget confirmed', met: false }],
      nextStepRequired: true,
    },
  ],
  followUp: { nextStep: 'Send proposal', due: '2026-03-01', status: 'Follow-up overdue: 3 days ("Send proposal")' },
};

test('a value of the API types comes back from JSON as it went in (what google.script.run does to it)', () => {
  const results: MoveDealResult[] = [
    { ok: true, message: 'Moved', deal },
    { ok: false, message: 'needs: Budget confirmed', missing: ['Budget confirmed'] },
  ];
  for (const r of results) expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  // A Date is what the types keep out: it does not come back as itself.
  const withDate = { ...deal, closed: new Date(0) };
  expect(JSON.parse(JSON.stringify(withDate))).not.toStrictEqual(withDate);
});
