import { wallToInstant } from '../emulator/time';
const Real = Intl.DateTimeFormat;
let calls = 0, made = 0;
(Intl as { DateTimeFormat: unknown }).DateTimeFormat = function (...a: ConstructorParameters<typeof Real>) { made++; const f = new Real(...a); return { format: (d: number) => { calls++; return f.format(d); }, formatToParts: (d: number) => { calls++; return f.formatToParts(d); } }; };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { zoneDayReader } = require('../src/core/calendar') as typeof import('../src/core/calendar');
const ZONE = process.argv[2] ?? 'America/New_York';
const days: Date[] = [];
for (let k = 0; k < 420; k++) days.push(new Date(wallToInstant(2025, 1, 1 + k, ZONE).getTime()));
const r = zoneDayReader(ZONE);
const c0 = calls;
for (let i = 0; i < 100000; i++) r(days[(i * 37) % 420]!);
console.log(ZONE, 'intl calls', calls - c0, 'formatters', made);
