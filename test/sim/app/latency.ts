import { scenario } from './runtime';

/** One random delay from the scenario's latency range, scaled by its slowdown factor. */
export const sampleDelay = (factor = 1): number => {
  const { min, max } = scenario.latency;
  return (min + Math.random() * Math.max(0, max - min)) * scenario.slowdown * factor;
};

/** Waits like the real page does between a click and its result (network, rendering). */
export const pause = (factor = 1): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, sampleDelay(factor)));

/** Waits a fixed number of ms, scaled by the slowdown factor. */
export const pauseFixed = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms * scenario.slowdown));
