/**
 * What the content script loads only when the helper starts a run or a capture. Detection and
 * page info run on every impact.com page load and stay in the content script's first chunk; the
 * driver and the request checks arrive through one dynamic import (crxjs lists the chunk as a
 * web-accessible resource, as it does the content script's own chunks), so page loads stay cheap.
 */
export { buildPlan, describeStep } from '../core/build-plan';
export { parseRunIn } from '../core/validate-request';
export { captureSelection } from './capture';
export { runPlan } from './driver';
