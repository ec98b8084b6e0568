/**
 * The script's time zone as the bundle's local zone.
 *
 * Apps Script runs a project's code with JavaScript's local time zone set to the project's zone
 * (`timeZone` in appsscript.json, the value Session.getScriptTimeZone() returns:
 * https://developers.google.com/apps-script/reference/base/session#getScriptTimeZone()):
 * `new Date(2026, 2, 1)`, `getDate()` and `getHours()` read that zone, never the spreadsheet's nor
 * the user's. The custom-functions guide (https://developers.google.com/apps-script/guides/sheets/functions,
 * "Data types") says date cells arrive as JavaScript Date objects and that a function must
 * compensate when the spreadsheet's zone differs from the script's; that is issue 10's first item.
 *
 * Node re-reads the zone whenever `process.env.TZ` is assigned, so the emulator sets TZ to the script
 * zone for the length of each call into the bundle and restores it after. Under jest the `process`
 * a module sees is a sandboxed copy whose env changes reach nothing: the real one is the main
 * context's global, which `vm.runInThisContext` evaluates in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const realProcess = vm.runInThisContext('process') as NodeJS.Process;

/** Runs `run` with the process's local time zone set to `timeZone`, then puts the previous one back. */
export function inTimeZone<T>(timeZone: string, run: () => T): T {
  const env = realProcess.env;
  const before = env.TZ;
  if (before === timeZone) return run();
  env.TZ = timeZone;
  try {
    return run();
  } finally {
    if (before === undefined) delete env.TZ;
    else env.TZ = before;
  }
}

/** The default when no manifest is found: this project's appsscript.json says America/New_York. */
export const FALLBACK_SCRIPT_ZONE = 'America/New_York';

/** The `timeZone` of the first appsscript.json found in the given folders (dist/ ships a copy). */
export function manifestTimeZone(...folders: string[]): string {
  for (const folder of folders) {
    const path = join(folder, 'appsscript.json');
    if (!existsSync(path)) continue;
    const zone = (JSON.parse(readFileSync(path, 'utf8')) as { timeZone?: unknown }).timeZone;
    if (typeof zone === 'string' && zone !== '') return zone;
  }
  return FALLBACK_SCRIPT_ZONE;
}
