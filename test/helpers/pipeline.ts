/** Emulator helpers for the write-path tests: a set-up pipeline, the sidebar's calls, the tabs read back (deal rows: fixtures/deals.ts). */
import { Emulator } from '../../emulator';
import { Faults, tabSnapshot } from '../../emulator/faults';
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { loadedEmulator, readTab, writeTab } from './workbook';

/** A loaded bundle with these deals on a Deals tab, after Set up pipeline. */
export function pipelineWith(
  deals: Record<string, unknown>[],
  opts: ConstructorParameters<typeof Emulator>[0] = {},
): { emu: Emulator; faults: Faults } {
  const emu = loadedEmulator(opts);
  writeTab(emu, 'Deals', [DEAL_HEADERS, ...deals.map(dealRow)]);
  emu.call('menuSetUpPipeline');
  return { emu, faults: new Faults(emu) };
}

export interface MoveRequest {
  dealId: string;
  row: number;
  expectedStage: string;
  toStage: string;
  note: string;
  override: boolean;
  lostReason: string;
}
export type MoveResult = { ok: boolean; message: string; missing?: string[] };

export function move(emu: Emulator, o: Partial<MoveRequest>): MoveResult {
  return emu.call('moveDeal', {
    dealId: 'D-0001',
    row: 2,
    expectedStage: 'Qualification',
    toStage: 'Proposal',
    note: '',
    override: false,
    lostReason: '',
    ...o,
  }) as MoveResult;
}

export const historyRows = (emu: Emulator): unknown[][] => readTab(emu, 'Stage History').slice(1);

/** Every cell of the tab except those in the given 0-based columns (the add-on's own Health column). */
export function cellsExcept(emu: Emulator, tab: string, skip: number[]): string {
  return JSON.stringify(readTab(emu, tab).map((r) => r.filter((_, c) => !skip.includes(c))));
}

export { tabSnapshot };
