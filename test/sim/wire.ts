/**
 * JSON shapes exchanged between the simulated page and its backend (server.mjs / backend.mjs).
 * Types only, so both the browser bundle and the .mjs server's declarations can share them.
 */
import type { AccountKind, Method } from './scenario';

export interface AccountInfo {
  kind: AccountKind;
  name: string;
  id: string;
  /** API versions offered, newest first; the first is the default ("Latest"). */
  versions: number[];
  /** The signed-in user (shown in the top bar's profile button). */
  user: AccountUser;
}

export interface AccountUser {
  name: string;
  email: string;
}

export interface TokenRow {
  name: string;
  description: string;
  version: number;
  state: 'active' | 'disabled';
  /** ISO date-time. */
  createdAt: string;
}

export interface ScopeGrant {
  /** The category's English name (its API name), even when the page shows a translation. */
  category: string;
  /**
   * In GET, POST, PUT, PATCH, DELETE order. On the per-endpoint page: the methods whose every
   * endpoint (as the page offered them) is ticked.
   */
  methods: Method[];
  /** Per-endpoint page: ticked endpoints of the other methods, by reference path; absent when none. */
  endpoints?: { method: Method; path: string }[];
}

export interface CreateTokenBody {
  name: string;
  description: string;
  version: number;
  /** The chosen account user's email. */
  primaryContact: string;
  developerEmails: string[];
  scopes: ScopeGrant[];
  /**
   * Every granted unit, sorted: "Ads GET" (per-method page) or "Actions GET /Mediapartners/
   * {AccountSID}/Actions" (per-endpoint page, reference path spelling).
   */
  grants: string[];
}

/** What the backend recorded for one created token: what tests assert on. No secrets. */
export interface CreatedToken extends CreateTokenBody {
  account: AccountKind;
  accountSid: string;
  /** ISO date-time. */
  createdAt: string;
}

export interface CreateTokenResponse {
  accountSid: string;
  authToken: string;
  token: TokenRow;
}

/** Error body of every refused request (HTTP 4xx). `message` is set for name_refused. */
export interface ApiError {
  code: 'name_required' | 'name_taken' | 'name_refused' | 'invalid' | 'not_found';
  message?: string;
}
