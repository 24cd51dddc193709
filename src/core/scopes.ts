import { z } from 'zod';
import { type Endpoint, METHODS, SCOPE_LIMITS, type Scope } from './scope-model';

export * from './scope-model';

export const MethodSchema = z.enum(METHODS, {
  error: () => 'expected GET, POST, PUT, PATCH or DELETE',
});

/** Paths as impact.com's API reference writes them: from the root, no spaces. */
export const EndpointPathSchema = z
  .string()
  .trim()
  .max(SCOPE_LIMITS.path)
  .regex(/^\/\S*$/, 'expected a path such as "/Mediapartners/{AccountSID}/Actions"');

/** An endpoint as presets name it: method + path; a summary given with it is dropped. */
export const EndpointSchema = z.object({
  method: MethodSchema,
  path: EndpointPathSchema,
}) satisfies z.ZodType<Endpoint, unknown>;

const scopeShape = {
  category: z.string().trim().min(1).max(SCOPE_LIMITS.category),
  methods: z.array(MethodSchema).max(METHODS.length).default([]),
};

const grantsSomething = (scope: { methods: unknown[]; endpoints: unknown[] }) =>
  scope.methods.length > 0 || scope.endpoints.length > 0;
const GRANTS_NOTHING = { message: 'a scope needs at least one method or endpoint' };

/**
 * One category's grant: `methods` (every endpoint of each), `endpoints` (pinned), or both. Either
 * may be left out; one must be there. A version 1 scope ({category, methods}) is a valid one.
 */
export const ScopeSchema = z
  .object({
    ...scopeShape,
    endpoints: z.array(EndpointSchema).max(SCOPE_LIMITS.endpoints).default([]),
  })
  .refine(grantsSomething, GRANTS_NOTHING) satisfies z.ZodType<Scope, unknown>;

/**
 * In a run's request an endpoint may carry its summary (from the catalog), so a page that shows
 * only summaries can still be matched.
 */
export const RequestScopeSchema = z
  .object({
    ...scopeShape,
    endpoints: z
      .array(
        EndpointSchema.extend({
          summary: z.string().trim().min(1).max(SCOPE_LIMITS.summary).optional(),
        }),
      )
      .max(SCOPE_LIMITS.endpoints)
      .default([]),
  })
  .refine(grantsSomething, GRANTS_NOTHING) satisfies z.ZodType<Scope, unknown>;

/** Pack and share text version 1: method grants only, as GET/POST/PUT/DELETE. */
export const V1ScopeSchema = z
  .object({
    category: scopeShape.category,
    methods: z
      .array(
        z.enum(['GET', 'POST', 'PUT', 'DELETE'], {
          error: () => 'expected GET, POST, PUT or DELETE',
        }),
      )
      .min(1)
      .max(4),
  })
  .transform((s): Scope => ({ category: s.category, methods: s.methods, endpoints: [] }));
