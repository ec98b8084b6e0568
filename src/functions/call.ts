/**
 * Every custom function enters here from its Apps Script stub: the argument count and required
 * arguments are checked against the catalog, in one place, before the implementation runs.
 */
import { RangeArg } from './arguments';
import { CATALOG, CustomFunctionResult, FunctionSpec, signature } from './catalog';
import { FunctionContext } from './context';
import { FunctionError } from './errors';

const BY_NAME = new Map<string, FunctionSpec>(CATALOG.map((f) => [f.name, f]));

/** Sheets passes a missing argument as undefined (or null for an empty one between commas). */
const isMissing = (v: unknown): boolean => v === undefined || v === null;

export function checkArguments(spec: FunctionSpec, args: readonly unknown[]): void {
  const max = spec.params.length;
  // Trailing missing arguments are the same as not passing them.
  let given = args.length;
  while (given > 0 && isMissing(args[given - 1])) given--;
  if (given > max) {
    throw new FunctionError(spec.name, `takes at most ${max} argument${max === 1 ? '' : 's'} but was given ${given}; use ${signature(spec)}`);
  }
  spec.params.forEach((p, i) => {
    if (!p.optional && isMissing(args[i])) throw new FunctionError(spec.name, `${p.name} is missing; use ${signature(spec)}`);
  });
}

export function callCustomFunction(ctx: FunctionContext, name: string, args: ArrayLike<unknown>): CustomFunctionResult {
  const spec = BY_NAME.get(name);
  if (!spec) throw new Error(`${name} is not a custom function of this add-on`);
  const list: unknown[] = [];
  for (let i = 0; i < args.length; i++) list.push(args[i]);
  checkArguments(spec, list);
  return spec.implementation(ctx, list as RangeArg[]);
}
