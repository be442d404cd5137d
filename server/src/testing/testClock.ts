/**
 * A clock a test moves: real time plus an offset, so it runs on (times stay in order) and a test
 * jumps past a deadline with `advance` instead of waiting for it.
 */
export class TestClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** An ISO instant `ms` from the clock's now. */
  in(ms: number): string {
    return new Date(this.now().getTime() + ms).toISOString();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
