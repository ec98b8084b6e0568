/** The emulator's clock: `new Date()` inside the loaded bundle reads it, tests and the playground move it. */
export class Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  set(date: Date | number): void {
    this.t = typeof date === 'number' ? date : date.getTime();
  }
  advance(ms: number): void {
    this.t += Math.max(0, ms);
  }
}
