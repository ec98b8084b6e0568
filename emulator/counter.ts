/** Counts every service call by "Class.method", so tests and benchmarks can report calls per job. */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  /** Checked before every counted call: throws when the current run may not make it (AuthMode, custom functions). */
  guard: ((kind: string, method: string) => void) | undefined;

  private paused = 0;

  /** Runs emulator-side work (a user typing, a test arranging cells) without counting or guarding it. */
  quiet<T>(run: () => T): T {
    this.paused++;
    try {
      return run();
    } finally {
      this.paused--;
    }
  }

  get isPaused(): boolean {
    return this.paused > 0;
  }

  inc(name: string): void {
    if (this.paused > 0) return;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  reset(): void {
    this.counts.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/**
 * Wraps a service object so that each public method call is counted as `${kind}.${method}`.
 * Methods whose names start with "_" are the emulator's own and are not counted.
 */
export function counted<T extends object>(target: T, kind: string, counter: CallCounter): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof v !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor')
        return v;
      return (...args: unknown[]) => {
        if (!counter.isPaused) counter.guard?.(kind, prop);
        counter.inc(`${kind}.${prop}`);
        return (v as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

/** Type check helper: K must be real method names of the Apps Script type T, with its parameters. */
export type Shape<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : never;
};
