// @ts-check
import { randomBytes } from 'node:crypto';
import { ACCOUNTS, SEED_TOKENS, USERS } from './backend-data.mjs';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {import('./scenario').AccountKind} AccountKind */
/** @typedef {import('./scenario').Scenario} Scenario */
/** @typedef {import('./wire').ApiError} ApiError */
/** @typedef {import('./wire').CreatedToken} CreatedToken */
/** @typedef {import('./wire').ScopeGrant} ScopeGrant */
/** @typedef {import('./wire').TokenRow} TokenRow */

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** @param {number} length */
const randomText = (length) =>
  [...randomBytes(length)].map((b) => ALNUM[b % ALNUM.length]).join('');

/** @param {Response} res @param {number} status @param {unknown} body */
export const sendJson = (res, status, body) => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
};

/** @param {Request} req @returns {Promise<any>} */
export const readJson = async (req) => {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
};

/**
 * The account's users: the seeded ones, then Scenario.extraUsers.
 * @param {AccountKind} account @param {Partial<Scenario>} scenario
 */
const usersOf = (account, scenario) => [...USERS[account], ...(scenario.extraUsers ?? [])];

/**
 * The JSON backend under /api/<partner|brand>/: account, users, tokens, name check, create.
 * It keeps what was created (records) so tests can assert on exactly what the page sent.
 */
export function createBackend() {
  /** @type {Record<AccountKind, TokenRow[]>} */
  let tokens = structuredClone(SEED_TOKENS);
  /** @type {CreatedToken[]} */
  let records = [];

  /**
   * Why a token name cannot be used, or null.
   * @param {AccountKind} account @param {unknown} raw @param {Partial<Scenario>} scenario
   * @returns {ApiError | null}
   */
  const nameProblem = (account, raw, scenario) => {
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!name) return { code: 'name_required' };
    if (scenario.nameError) return { code: 'name_refused', message: scenario.nameError };
    const taken = tokens[account].some((t) => t.name.toLowerCase() === name.toLowerCase());
    return taken ? { code: 'name_taken' } : null;
  };

  /**
   * Whatever else is wrong with a create request, in words for the test log.
   * @param {AccountKind} account @param {any} body @param {Partial<Scenario>} scenario
   * @returns {string | null}
   */
  const bodyProblem = (account, body, scenario) => {
    if (typeof body.description !== 'string') return 'description must be a string';
    if (!ACCOUNTS[account].versions.includes(body.version))
      return `version ${body.version} is not offered`;
    if (!usersOf(account, scenario).some((u) => u.email === body.primaryContact))
      return 'primaryContact is not a user';
    const emails = body.developerEmails;
    if (!Array.isArray(emails) || !emails.every((e) => typeof e === 'string' && EMAIL.test(e))) {
      return 'developerEmails must be email addresses';
    }
    /** @type {ScopeGrant[]} */
    const scopes = body.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0) return 'at least one scope is required';
    const bad = scopes.find(
      (s) =>
        typeof s?.category !== 'string' ||
        !Array.isArray(s.methods) ||
        !s.methods.every((m) => METHODS.includes(m)) ||
        (s.endpoints !== undefined &&
          (!Array.isArray(s.endpoints) ||
            !s.endpoints.every(
              (e) => METHODS.includes(e?.method) && typeof e?.path === 'string',
            ))) ||
        s.methods.length + (s.endpoints?.length ?? 0) === 0,
    );
    if (bad) return `bad scope ${JSON.stringify(bad)}`;
    const grants = body.grants;
    return Array.isArray(grants) && grants.every((g) => typeof g === 'string')
      ? null
      : 'grants must be a list of strings';
  };

  /** @param {AccountKind} account @param {any} body @param {Partial<Scenario>} scenario @param {Response} res */
  const create = (account, body, scenario, res) => {
    const refused = nameProblem(account, body.name, scenario);
    if (refused) return sendJson(res, refused.code === 'name_taken' ? 409 : 422, refused);
    const invalid = bodyProblem(account, body, scenario);
    if (invalid) return sendJson(res, 400, { code: 'invalid', message: invalid });
    const createdAt = new Date().toISOString();
    const accountSid = `IR${randomText(30)}`;
    /** @type {TokenRow} */
    const token = {
      name: body.name.trim(),
      description: body.description,
      version: body.version,
      state: 'active',
      createdAt,
    };
    tokens[account].unshift(token);
    records.push({
      account,
      name: token.name,
      description: body.description,
      version: body.version,
      primaryContact: body.primaryContact,
      developerEmails: body.developerEmails,
      scopes: body.scopes.map((/** @type {ScopeGrant} */ s) => ({
        category: s.category,
        methods: s.methods,
        ...(s.endpoints
          ? { endpoints: s.endpoints.map((e) => ({ method: e.method, path: e.path })) }
          : {}),
      })),
      grants: [...body.grants],
      accountSid,
      createdAt,
    });
    sendJson(res, 201, { accountSid, authToken: randomText(32), token });
  };

  /**
   * Serves one /api/ request; returns false when the path is not the backend's.
   * @param {Request} req @param {Response} res @param {URL} url @param {Partial<Scenario>} scenario
   */
  const handle = async (req, res, url, scenario) => {
    const match = /^\/api\/(partner|brand)(\/[\w/-]*)$/.exec(url.pathname);
    if (!match) return false;
    const account = /** @type {AccountKind} */ (match[1]);
    const route = `${req.method} ${match[2]}`;
    if (route === 'GET /account') sendJson(res, 200, ACCOUNTS[account]);
    else if (route === 'GET /users') sendJson(res, 200, usersOf(account, scenario));
    else if (route === 'GET /tokens') sendJson(res, 200, tokens[account]);
    else if (route === 'POST /tokens/check-name') {
      const refused = nameProblem(account, (await readJson(req)).name, scenario);
      if (refused) sendJson(res, refused.code === 'name_taken' ? 409 : 422, refused);
      else sendJson(res, 200, { ok: true });
    } else if (route === 'POST /tokens') create(account, await readJson(req), scenario, res);
    else sendJson(res, 404, { code: 'not_found' });
    return true;
  };

  return {
    handle,
    /** @returns {CreatedToken[]} */
    records: () => structuredClone(records),
    reset: () => {
      tokens = structuredClone(SEED_TOKENS);
      records = [];
    },
  };
}
