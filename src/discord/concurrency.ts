/**
 * A bound on concurrent work: at most `running` interactions are answered at once (an answer
 * holds its place until its last post is sent, so a burst of `/compare` threads cannot take every
 * connection), at most `waiting` more queue behind them, in order, and the rest are turned away at
 * once rather than left to expire. Plain, with no Discord in it; `interactions.ts` defers what
 * waits too long.
 */

/** How much may run and wait. */
export interface Bound {
  readonly running: number;
  readonly waiting: number;
}

/** The bot's: answering is cheap, posting is what takes time. */
export const workBound: Bound = { running: 32, waiting: 1_000 };

/** A queued piece of work: `started` resolves when it gets its turn, `done` when it has settled. */
export interface Ticket<T> {
  readonly started: Promise<void>;
  readonly done: Promise<T>;
}

export class WorkLimit {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly bound: Bound = workBound) {}

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Queues `job`; null when the queue is full (the caller says "busy"). */
  run<T>(job: () => Promise<T>): Ticket<T> | null {
    if (this.active >= this.bound.running && this.queue.length >= this.bound.waiting) return null;
    let begin!: () => void;
    const started = new Promise<void>((resolve) => (begin = resolve));
    const done = started.then(job).finally(() => {
      this.active--;
      this.queue.shift()?.();
    });
    const go = () => {
      this.active++;
      begin();
    };
    if (this.active < this.bound.running) go();
    else this.queue.push(go);
    return { started, done };
  }
}
