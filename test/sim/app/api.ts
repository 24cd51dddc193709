import type {
  AccountInfo,
  AccountUser,
  ApiError,
  CreateTokenBody,
  CreateTokenResponse,
  TokenRow,
} from '../wire';
import { pause, pauseFixed } from './latency';
import { account, scenario } from './runtime';

/** A request the backend refused on purpose (validation), as opposed to a network failure. */
export class ApiRefusal extends Error {
  constructor(readonly body: ApiError) {
    super(body.message ?? body.code);
  }
}

const request = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
  await pause(`api ${method} ${path}`);
  const res = await fetch(`/api/${account}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      // The backend needs the page's effective scenario (e.g. nameError from ?sim=), which only
      // the page knows. URI-encoded because header values must be Latin-1.
      'x-sim-scenario': encodeURIComponent(JSON.stringify(scenario)),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as unknown;
  if (!res.ok) throw new ApiRefusal(json as ApiError);
  return json as T;
};

/** Data loads also wait Scenario.lateData, so the controls that need them appear late. */
const load = async <T>(path: string): Promise<T> => {
  const [data] = await Promise.all([request<T>('GET', path), pauseFixed(scenario.lateData)]);
  return data;
};

export const api = {
  account: () => load<AccountInfo>('/account'),
  users: () => load<AccountUser[]>('/users'),
  tokens: () => load<TokenRow[]>('/tokens'),
  /** The uniqueness check the Setup step runs on Next. */
  checkName: (name: string) => request<{ ok: true }>('POST', '/tokens/check-name', { name }),
  createToken: (body: CreateTokenBody) => request<CreateTokenResponse>('POST', '/tokens', body),
};
