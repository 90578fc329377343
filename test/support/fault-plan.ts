// What goes wrong in one seeded run of the fault suite: 1 to 3 faults, each injected into chosen
// requests (after skipping some of the kind it matches), replayable from the seed.
import type { Fault, FaultKind, ProxiedRequest } from './fault-proxy.js';

export type RunMode = 'client' | 'action';

/** Faults that may rightly end a run in failure: the registry lies, or sends more than any answer can be. */
export const FATAL: ReadonlySet<FaultKind> = new Set(['lying-digest', 'endless']);

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Match = (r: ProxiedRequest) => boolean;
const anyRequest: Match = () => true;
export const uploadPut: Match = (r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/');
const manifestGet: Match = (r) => r.method === 'GET' && r.path.includes('/manifests/');
const reads: Match = (r) => (r.method === 'GET' || r.method === 'HEAD') && r.path !== '/v2/';

export interface Planned {
  label: string;
  fault: Fault;
  match: Match;
  /** Skip this many matching requests, then inject into `count` of them. */
  skip: number;
  count: number;
}

export function plan(random: () => number, mode: RunMode, chartBytes: number): Planned[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const makers: Array<() => Planned> = [
    () => {
      const status = pick([500, 502, 503, 504]);
      const body = pick(['json', 'html', 'invalid-json', 'empty'] as const);
      const count = int(1, 4);
      return { label: `${count}× ${status} (${body})`, fault: { kind: 'status', status, body }, match: anyRequest, skip: int(0, 6), count };
    },
    () => ({ label: '429 Retry-After: 1', fault: { kind: 'status', status: 429, body: 'json', retryAfter: '1' }, match: anyRequest, skip: int(0, 6), count: int(1, 2) }),
    () => {
      const afterBytes = int(0, chartBytes);
      return { label: `reset after ${afterBytes} bytes of an upload`, fault: { kind: 'reset', afterBytes }, match: uploadPut, skip: int(0, 1), count: 1 };
    },
    () => ({ label: 'reset', fault: { kind: 'reset', afterBytes: 0 }, match: anyRequest, skip: int(0, 6), count: int(1, 2) }),
    () => ({ label: 'lying Docker-Content-Digest', fault: { kind: 'lying-digest' }, match: anyRequest, skip: int(0, 6), count: 1 }),
    () => ({ label: 'redirect to another origin', fault: { kind: 'redirect' }, match: reads, skip: 0, count: int(1, 3) }),
    () => ({ label: 'endless body', fault: { kind: 'endless' }, match: manifestGet, skip: 0, count: 1 }),
    () => {
      const downMs = int(300, 3_000);
      return {
        label: `registry killed mid-upload, back after ${downMs} ms`,
        fault: { kind: 'kill-registry', downMs, afterBytes: int(1, Math.max(1, chartBytes - 1)) },
        match: uploadPut,
        skip: int(0, 1),
        count: 1,
      };
    },
  ];
  // A stall or a trickle costs a whole request deadline: a minute with the action's defaults.
  if (mode === 'client') {
    makers.push(
      () => ({ label: 'stall', fault: { kind: 'stall' }, match: anyRequest, skip: int(0, 6), count: 1 }),
      () => ({ label: 'trickling body', fault: { kind: 'trickle', intervalMs: 300 }, match: reads, skip: int(0, 2), count: 1 }),
    );
  }
  return Array.from({ length: int(1, 3) }, () => pick(makers)());
}

export function decider(planned: Planned[]): (r: ProxiedRequest) => Fault | undefined {
  const seen = planned.map(() => 0);
  return (request) => {
    for (const [i, p] of planned.entries()) {
      if (!p.match(request)) continue;
      const n = seen[i]!++;
      if (n >= p.skip && n < p.skip + p.count) return p.fault;
    }
    return undefined;
  };
}
