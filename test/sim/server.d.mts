/** Types of server.mjs (plain ESM so Node scripts can import it without a TypeScript loader). */
import type { Scenario } from './scenario';
import type { CreatedToken } from './wire';

export type { CreatedToken, Scenario };

export interface SimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Server-side scenario overrides, applied to every page load (reset() returns to these). */
  scenario?: Partial<Scenario>;
}

export interface SimServer {
  port: number;
  /** https://127.0.0.1:<port>, for Node clients and the /__sim/ endpoints. */
  origin: string;
  /** The self-signed certificate (PEM) for app.impact.com, member.impactradius.com, 127.0.0.1. */
  cert: string;
  /** Chromium's --host-resolver-rules value mapping the impact.com hosts to this server. */
  hostResolverRules: string;
  /**
   * An HTTP proxy on 127.0.0.1 that tunnels only the impact.com hosts to this server: how
   * browsers without host mapping (Firefox) reach it. See README "Firefox".
   */
  proxyPort: number;
  close(): Promise<void>;
  /** Every token created since start or reset, oldest first: exactly what the page sent. */
  records(): CreatedToken[];
  /** Merges scenario overrides; they apply from the next page load. */
  setScenario(overrides: Partial<Scenario>): void;
  /** Forgets created tokens and restores the seed tokens and the startSim scenario. */
  reset(): void;
}

export const SIM_HOSTS: string[];
export const SIM_PATHS: {
  partnerHome: string;
  partnerApi: string;
  brandHome: string;
  brandApi: string;
};
export function hostResolverRules(port: number): string;
export function startSim(opts?: SimOptions): Promise<SimServer>;
