/**
 * JSON-safety as a type. google.script.run (like JSON) carries strings, numbers, booleans, null,
 * arrays and plain objects; a Date in a result reaches the client as null, undefined and functions
 * are dropped. Shapes that cross it are declared as type aliases wrapped in JsonSafe, so a Date,
 * an undefined or a function anywhere in them is a compile error. (An interface never satisfies
 * Json: declaration merging could add any member to it later.)
 */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** T itself, when every part of it is JSON. */
export type JsonSafe<T extends Json> = T;

/** F itself when it takes and returns JSON only, else never. */
type JsonFunction<F> = F extends (...args: infer A) => infer R
  ? [A] extends [readonly Json[]]
    ? [R] extends [Json]
      ? F
      : never
    : never
  : never;

/** T itself, when each of its functions takes and returns JSON only (a server API called from a page). */
export type JsonApi<T extends { [K in keyof T]: JsonFunction<T[K]> }> = T;
