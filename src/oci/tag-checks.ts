// Tag checks sent ahead: while charts are packaged, every target's tag is checked (at most 16 at a
// time, once the tokens are there), and each answer is handed out once to the push that asks for
// it, so that push pays no round trip. Requests are the same as without it.
import { mapConcurrent } from '../concurrency.js';

/** Tag checks in flight at once (the connection pool allows 32). */
const IN_FLIGHT = 16;

export class TagChecksAhead<T> {
  private readonly ahead = new Map<string, Promise<T>>();

  /** Starts `check` for every key not already waiting, after `ready`; failures wait for their taker. */
  send(keys: readonly string[], ready: Promise<unknown>, check: (key: string) => Promise<T>): void {
    const fresh = [...new Set(keys)].filter((key) => !this.ahead.has(key));
    const resolvers = new Map<string, { resolve: (value: T) => void; reject: (error: unknown) => void }>();
    for (const key of fresh) {
      const answer = new Promise<T>((resolve, reject) => resolvers.set(key, { resolve, reject }));
      answer.catch(() => {}); // reported to the push that takes it; unclaimed failures are moot
      this.ahead.set(key, answer);
    }
    void ready.then(() =>
      mapConcurrent(fresh, IN_FLIGHT, (key) =>
        check(key).then(
          (value) => resolvers.get(key)!.resolve(value),
          (error: unknown) => resolvers.get(key)!.reject(error),
        ),
      ),
    );
  }

  /** The answer sent ahead for `key`, once; undefined when none was. */
  take(key: string): Promise<T> | undefined {
    const answer = this.ahead.get(key);
    this.ahead.delete(key);
    return answer;
  }
}
