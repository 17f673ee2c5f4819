/**
 * Per-user budgets, so that one user cannot crowd out everyone else's answers: a token bucket per
 * user (a burst, then one more every `refillMs`). Pure but for the clock, which is injected.
 */

/** A bucket's size and how fast it refills. */
export interface Budget {
  readonly burst: number;
  readonly refillMs: number;
}

/** Commands and buttons: five at once, then one every two seconds. */
export const commandBudget: Budget = { burst: 5, refillMs: 2_000 };
/** `/compare` (one message per year, in a thread): two at once, then one every 30 seconds. */
export const compareBudget: Budget = { burst: 2, refillMs: 30_000 };

/** Buckets kept before full ones (users not seen for a while) are forgotten. */
const sweepAt = 10_000;

/** Whether a user may go on, or in how many whole seconds to try again. */
export type Take = { readonly ok: true } | { readonly ok: false; readonly retryAfterS: number };

export class UserBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly budget: Budget,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one unit of a user's budget, if there is one. */
  take(user: string): Take {
    const t = this.now();
    const bucket = this.buckets.get(user) ?? { tokens: this.budget.burst, at: t };
    bucket.tokens = Math.min(this.budget.burst, bucket.tokens + (t - bucket.at) / this.budget.refillMs);
    bucket.at = t;
    if (!this.buckets.has(user)) {
      if (this.buckets.size >= sweepAt) this.sweep(t);
      this.buckets.set(user, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil(((1 - bucket.tokens) * this.budget.refillMs) / 1000)) };
  }

  /** How many users it remembers (for memory checks). */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets the users whose budget is full again: they are where a new user starts. */
  private sweep(t: number): void {
    for (const [user, b] of this.buckets) if (b.tokens + (t - b.at) / this.budget.refillMs >= this.budget.burst) this.buckets.delete(user);
  }
}
