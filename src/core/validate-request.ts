import { describeAt } from './issue-text';
import type { RunIn } from './protocol';
import { type Endpoint, METHODS, type Method, SCOPE_LIMITS, type Scope } from './scope-model';
import type { TokenRequest } from './token-request';

/**
 * A hand-written twin of TokenRequestSchema (token-request.ts) and RunInSchema (protocol.ts) for
 * the content script. The content script runs on every impact.com page load and must validate
 * every message, but bundling zod would blow its 10 KB (gzipped) budget; so this file imports
 * only types and zod-free modules (scope-model.ts, issue-text.ts); a test keeps it that way.
 *
 * It must accept and reject exactly what the schemas do, and produce the same value (trimmed
 * strings, defaults filled in, unknown keys dropped). A fast-check property test
 * (test/unit/core/validate-request.test.ts) holds the two to that. Change both together.
 */

/** zod 4's `z.email()` pattern, copied because zod cannot be imported; a test checks they match. */
export const EMAIL_PATTERN_COPY =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const VERSION_PATTERN = /^\d{1,3}$/;

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

type Path = (string | number)[];

class Invalid {
  constructor(readonly error: string) {}
}
const fail = (path: Path, message: string): never => {
  throw new Invalid(describeAt(path, message));
};

/** zod's notion of an object: anything object-typed except null and arrays. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const object = (value: unknown, path: Path): Record<string, unknown> =>
  isObject(value) ? value : fail(path, 'expected an object');

const string = (value: unknown, path: Path, max: number, trim = false, min = 0): string => {
  if (typeof value !== 'string') return fail(path, 'expected a string');
  const text = trim ? value.trim() : value;
  if (text.length < min) return fail(path, `expected at least ${min} character(s)`);
  if (text.length > max) return fail(path, `expected at most ${max} characters`);
  return text;
};

/**
 * Reads every index with a plain loop: Array.prototype.map skips the holes of a sparse array
 * (which structured clone keeps), where zod reads them as undefined and refuses them.
 */
const array = <T>(
  value: unknown,
  path: Path,
  min: number,
  max: number,
  item: (element: unknown, index: number) => T,
): T[] => {
  if (!Array.isArray(value)) return fail(path, 'expected an array');
  if (value.length < min) return fail(path, `expected at least ${min} item(s)`);
  if (value.length > max) return fail(path, `expected at most ${max} items`);
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) out.push(item(value[i], i));
  return out;
};

const method = (value: unknown, path: Path): Method =>
  (METHODS as readonly unknown[]).includes(value)
    ? (value as Method)
    : fail(path, 'expected GET, POST, PUT, PATCH or DELETE');

const PATH_PATTERN = /^\/\S*$/;

const endpoint = (value: unknown, path: Path): Endpoint => {
  const input = object(value, path);
  const out: Endpoint = {
    method: method(input.method, [...path, 'method']),
    path: string(input.path, [...path, 'path'], SCOPE_LIMITS.path, true),
  };
  if (!PATH_PATTERN.test(out.path))
    fail([...path, 'path'], 'expected a path such as "/Mediapartners/{AccountSID}/Actions"');
  if (input.summary !== undefined)
    out.summary = string(input.summary, [...path, 'summary'], SCOPE_LIMITS.summary, true, 1);
  return out;
};

/** RequestScopeSchema's twin (scopes.ts). */
const scope = (value: unknown, path: Path): Scope => {
  const input = object(value, path);
  const category = string(input.category, [...path, 'category'], SCOPE_LIMITS.category, true, 1);
  const methods =
    input.methods === undefined
      ? []
      : array(input.methods, [...path, 'methods'], 0, METHODS.length, (m, i) =>
          method(m, [...path, 'methods', i]),
        );
  const endpoints =
    input.endpoints === undefined
      ? []
      : array(input.endpoints, [...path, 'endpoints'], 0, SCOPE_LIMITS.endpoints, (e, i) =>
          endpoint(e, [...path, 'endpoints', i]),
        );
  if (!methods.length && !endpoints.length)
    fail(path, 'a scope needs at least one method or endpoint');
  return { category, methods, endpoints };
};

const tokenRequest = (value: unknown, path: Path): TokenRequest => {
  const input = object(value, path);
  const name = string(input.name, [...path, 'name'], 200, true, 1);
  const description =
    input.description === undefined
      ? ''
      : string(input.description, [...path, 'description'], 2000);
  let version = 'latest';
  if (input.version !== undefined) {
    const given = input.version;
    if (typeof given !== 'string' || (given !== 'latest' && !VERSION_PATTERN.test(given)))
      fail([...path, 'version'], 'expected "latest" or a version number such as "16"');
    version = given as string;
  }
  const primaryContact =
    input.primaryContact === undefined
      ? ''
      : string(input.primaryContact, [...path, 'primaryContact'], 320);
  const developerEmails =
    input.developerEmails === undefined
      ? []
      : array(input.developerEmails, [...path, 'developerEmails'], 0, 50, (email, i) =>
          typeof email === 'string' && EMAIL_PATTERN_COPY.test(email)
            ? email
            : fail([...path, 'developerEmails', i], 'expected an email address'),
        );
  const scopes = array(input.scopes, [...path, 'scopes'], 1, 2000, (s, i) =>
    scope(s, [...path, 'scopes', i]),
  );
  let mode: TokenRequest['mode'] = 'review';
  if (input.mode !== undefined) {
    if (input.mode !== 'review' && input.mode !== 'create')
      fail([...path, 'mode'], 'expected "review" or "create"');
    mode = input.mode as TokenRequest['mode'];
  }
  return { name, description, version, primaryContact, developerEmails, scopes, mode };
};

const run = <T>(read: () => T): Validated<T> => {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.error };
    // A hostile getter or proxy; the message is all the caller needs.
    return { ok: false, error: `unreadable message (${String(error)})` };
  }
};

/** Same verdict and value as `TokenRequestSchema.safeParse`, without zod. */
export const parseTokenRequest = (input: unknown): Validated<TokenRequest> =>
  run(() => tokenRequest(input, []));

/** Same verdict and value as `RunInSchema.safeParse`, without zod. */
export const parseRunIn = (input: unknown): Validated<RunIn> =>
  run((): RunIn => {
    const message = object(input, []);
    if (message.type === 'cancel') return { type: 'cancel' };
    if (message.type === 'start')
      return { type: 'start', request: tokenRequest(message.request, ['request']) };
    return fail(['type'], 'expected "start" or "cancel"');
  });
