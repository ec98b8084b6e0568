/** The last run of a job, kept in document properties and shown on the summary tab. */
import { RunStatus } from '../core/summary';

const KEY = 'dealPipeline.lastRun';

export interface Formatting { pattern: string }

export function formatInstant(d: Date, timeZone: string, fmt: Formatting): string {
  return `${Utilities.formatDate(d, timeZone, fmt.pattern)} (${timeZone})`;
}

export function saveRunStatus(s: RunStatus): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify({ ...s, message: s.message.slice(0, 2000) }));
}

export function loadRunStatus(): RunStatus | undefined {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return undefined;
  try { return JSON.parse(raw) as RunStatus; } catch { return undefined; }
}
