import { z } from 'zod';
import type { RunIn } from './protocol';
import { TokenRequestSchema } from './token-request';

// zod twins of the run-port messages in protocol.ts, kept apart so the content script, which
// imports protocol.ts, does not bundle zod. validate-request.ts is proven equal to these.
export const RunStartSchema = z.object({ type: z.literal('start'), request: TokenRequestSchema });
export const RunCancelSchema = z.object({ type: z.literal('cancel') });
export const RunInSchema = z.discriminatedUnion('type', [RunStartSchema, RunCancelSchema]);
/** helper -> content over the run port, as validated (defaults filled in). */

// Fails to compile if the schema and the protocol's type drift apart.
export const runInTypeCheck = (x: z.output<typeof RunInSchema>): RunIn => x;
