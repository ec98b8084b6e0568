/** google.script.run for the board, typed by the shared API (src/shared/board-api.ts). */
import type { BoardServer } from '../src/shared/board-api';

type Runner = {
  withSuccessHandler(f: (v: unknown) => void): Runner;
  withFailureHandler(f: (e: Error) => void): Runner;
} & { [K in keyof BoardServer]: (...args: Parameters<BoardServer[K]>) => void };

declare const google: { script: { run: Runner } };

/** Calls a board server function. */
export function call<K extends keyof BoardServer>(
  name: K,
  ...args: Parameters<BoardServer[K]>
): Promise<ReturnType<BoardServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<BoardServer[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
