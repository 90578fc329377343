// Progress of a long push: `n/total` with the counts so far, every few seconds, so a migration of
// hundreds of versions shows it is moving. Short runs print nothing extra.
import type { ChartResult, ChartStatus } from './result.js';

const EVERY_MS = 5_000;

export function progressReporter(total: number, log: { info: (message: string) => void }): { add: (result: ChartResult) => void; stop: () => void } {
  const counts = new Map<ChartStatus, number>();
  let done = 0;
  const timer = setInterval(() => {
    const parts = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
    log.info(`${done}/${total} charts done${parts ? ` (${parts})` : ''}`);
  }, EVERY_MS);
  timer.unref();
  return {
    add: (result) => {
      done++;
      counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
    },
    stop: () => clearInterval(timer),
  };
}
