import { z } from 'zod';
import { METHODS, type Scope } from './scope-model';

export * from './scope-model';

export const MethodSchema = z.enum(METHODS, {
  error: () => 'expected GET, POST, PUT or DELETE',
});

/** One category and the methods granted in it. */
export const ScopeSchema = z.object({
  category: z.string().trim().min(1).max(80),
  methods: z.array(MethodSchema).min(1).max(4),
}) satisfies z.ZodType<Scope, unknown>;
