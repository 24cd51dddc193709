import { z } from 'zod';
import { RequestScopeSchema } from './scopes';

/** "latest" or a fixed API version number such as "16". */
// zod's own messages ("Invalid input", "must match pattern …") mean nothing to people importing
// a pack; both branches say what a version must look like.
const API_VERSION_HINT = 'expected "latest" or a version number such as "16"';
export const ApiVersionSchema = z.union(
  [z.literal('latest'), z.string().regex(/^\d{1,3}$/, API_VERSION_HINT)],
  { error: () => API_VERSION_HINT },
);
export type ApiVersion = z.infer<typeof ApiVersionSchema>;

export const RunModeSchema = z.enum(['review', 'create']);
export type RunMode = z.infer<typeof RunModeSchema>;

/**
 * What one run asks of the page: fully expanded (no name template left), validated at every
 * entrance to the content script.
 */
export const TokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  version: ApiVersionSchema.default('latest'),
  /** An account user's email or name; '' keeps the page's default. */
  primaryContact: z.string().max(320).default(''),
  developerEmails: z.array(z.email()).max(50).default([]),
  /** Category entries; pinned endpoints may carry their summary (see RequestScopeSchema). */
  scopes: z.array(RequestScopeSchema).min(1).max(2000),
  mode: RunModeSchema.default('review'),
});
export type TokenRequest = z.infer<typeof TokenRequestSchema>;
export type TokenRequestInput = z.input<typeof TokenRequestSchema>;
