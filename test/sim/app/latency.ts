import { scenario } from './runtime';

/** What a delay is for; with a latencySeed each purpose draws from its own seeded stream. */
export type DelayStream = 'step' | 'open' | 'options' | 'filter' | `api ${string}`;

const streams = new Map<DelayStream, () => number>();

/** mulberry32: small, fast and good enough to spread delays; seeded by an FNV-1a hash. */
function seeded(text: string): () => number {
  let a = 2166136261;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 16777619);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The next number in [0, 1) for `stream`: Math.random() unless the scenario has a seed. */
function draw(stream: DelayStream): number {
  if (!scenario.latencySeed) return Math.random();
  let next = streams.get(stream);
  if (!next) {
    next = seeded(`${scenario.latencySeed}:${stream}`);
    streams.set(stream, next);
  }
  return next();
}

/** One delay from the scenario's latency range, scaled by `factor` and the slowdown factor. */
export const sampleDelay = (stream: DelayStream, factor = 1): number => {
  const { min, max } = scenario.latency;
  return (min + draw(stream) * Math.max(0, max - min)) * scenario.slowdown * factor;
};

/** Waits like the real page does between a click and its result (network, rendering). */
export const pause = (stream: DelayStream, factor = 1): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, sampleDelay(stream, factor)));

/** Waits a fixed number of ms, scaled by the slowdown factor. */
export const pauseFixed = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms * scenario.slowdown));
