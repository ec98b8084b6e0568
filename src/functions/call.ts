/**
 * Every custom function enters here from its Apps Script stub, which is generated from the
 * catalog and passes the function's parameter list ("stages, [stage_table]"): the argument count
 * and the required arguments are checked here, in one place, before the implementation runs.
 */
import { RangeArg } from './arguments';
import { FunctionError } from './errors';
import { CustomFunctionResult, IMPLEMENTATIONS } from './implementations';
import { FunctionContext } from './context';

/** Sheets passes a missing argument as undefined (or null for an empty one between commas). */
const isMissing = (v: unknown): boolean => v === undefined || v === null;

export function checkArguments(name: string, parameterList: string, args: readonly unknown[]): void {
  const params = parameterList === '' ? [] : parameterList.split(', ');
  const usage = `${name}(${parameterList})`;
  const max = params.length;
  // Trailing missing arguments are the same as not passing them.
  let given = args.length;
  while (given > 0 && isMissing(args[given - 1])) given--;
  if (given > max) {
    throw new FunctionError(
      name,
      `takes at most ${max} argument${max === 1 ? '' : 's'} but was given ${given}; use ${usage}`,
    );
  }
  params.forEach((p, i) => {
    if (!p.startsWith('[') && isMissing(args[i])) throw new FunctionError(name, `${p} is missing; use ${usage}`);
  });
}

export function callCustomFunction(
  ctx: FunctionContext,
  name: string,
  parameterList: string,
  args: ArrayLike<unknown>,
): CustomFunctionResult {
  const run = (IMPLEMENTATIONS as Record<string, (typeof IMPLEMENTATIONS)[keyof typeof IMPLEMENTATIONS] | undefined>)[
    name
  ];
  if (!run) throw new Error(`${name} is not a custom function of this add-on`);
  const list: unknown[] = [];
  for (let i = 0; i < args.length; i++) list.push(args[i]);
  checkArguments(name, parameterList, list);
  return run(ctx, list as RangeArg[]);
}
