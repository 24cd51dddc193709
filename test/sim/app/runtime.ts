import {
  type AccountKind,
  type Lang,
  resolveScenario,
  type Scenario,
  scenarioFromQuery,
} from '../scenario';
import { chooseLang, makeTranslate, messagesFor, type Translate } from './locale/i18n';
import { accountOfPath, pathForAccount } from './routes';

/**
 * Everything fixed for the life of one document: the scenario, the language and the account type.
 * Read once at boot, because query params vanish on the first client-side navigation.
 */
export interface SimTimings {
  /** performance.now() when the wizard dialog appeared. */
  wizardOpen: number | null;
  /** performance.now() when the Create step became the current step. */
  createStep: number | null;
  /** performance.now() when "Access Token Created" appeared. */
  created: number | null;
}

/** window.__sim: read-only hooks for tests and benchmarks. Never holds secrets. */
export interface SimHook {
  scenario: Scenario;
  lang: Lang;
  account: AccountKind;
  timings: SimTimings;
}

declare global {
  interface Window {
    /** Injected by the server into the HTML: overrides from startSim / setScenario. */
    __SIM_SERVER_SCENARIO__?: Partial<Scenario>;
    __sim?: SimHook;
  }
}

export const scenario: Scenario = resolveScenario(
  window.__SIM_SERVER_SCENARIO__ ?? {},
  scenarioFromQuery(location.search),
);

export const lang: Lang = chooseLang(scenario, location.search);
export const t: Translate = makeTranslate(messagesFor(lang, scenario));

/** A forced account type moves the page to that account's equivalent path, without a reload. */
const pathAccount = accountOfPath(location.pathname);
export const account: AccountKind = scenario.account ?? pathAccount ?? 'partner';
if (pathAccount !== account) {
  history.replaceState(
    null,
    '',
    pathForAccount(location.pathname, account) + location.search + location.hash,
  );
}

export const timings: SimTimings = { wizardOpen: null, createStep: null, created: null };
window.__sim = { scenario, lang, account, timings };
