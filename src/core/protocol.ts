import type { PlanStep, ReadBackPath, WizardStep } from './plan';
import type { Scope, ScopeCatalog } from './scope-model';
import type { TokenRequest } from './token-request';

/**
 * The one protocol map. Every message between the extension's parts is named here; both ends
 * import these types, and the content script validates what it receives.
 */

export type AccountKind = 'partner' | 'brand';
export type PageLocale = 'en' | 'ja';

/** What the content script knows about its page. Never includes any token secret. */
export interface PageInfo {
  detected: boolean;
  kind?: AccountKind;
  locale?: PageLocale;
  /** The account's name or id as the page shows it, where it can be read. */
  account?: string;
  /** Versions offered by the wizard, newest first, once seen. */
  versions?: string[];
  /** What the wizard's scope step offers, once it has been seen. */
  scopes?: ScopeCatalog;
  /**
   * The account's users as the contact step's Primary Contact list showed them, once it has been
   * shown in full (never guessed from elsewhere on the page): choices for a preset's contact.
   */
  contacts?: PageContact[];
}

/** One person of the page's Primary Contact list. */
export interface PageContact {
  name: string;
  email: string;
}

/** Page state captured from an open wizard ("Save page selection as preset"). */
export interface CapturedSelection {
  name: string;
  description: string;
  version: string;
  primaryContact: string;
  developerEmails: string[];
  /** What is ticked, per switched-on category, as the page shows it (paths or summaries). */
  ticked: ScopeCatalog;
  /** Everything the step offers: turns "every GET endpoint ticked" into a method grant. */
  offered: ScopeCatalog;
}

/**
 * A token a run just created, as the audit log keeps it (core/audit-log.ts validates it). What was
 * asked for and where: never the Auth Token or any other secret, which the driver never reads.
 */
export interface CreatedTokenReport {
  /** The token name as created (template already expanded). */
  name: string;
  /** As requested: "latest" or a version number. */
  version: string;
  scopes: Scope[];
  /** The account as the page shows it; '' when the page does not show it. */
  account: string;
  accountKind: AccountKind;
  /** ISO 8601 UTC, when the run finished. */
  time: string;
  mode: 'review' | 'create';
}

/** One-shot requests: runtime.sendMessage / tabs.sendMessage, answered by the receiver. */
export interface RequestMap {
  /**
   * content -> background: the page was (un)detected; drives the toolbar badge. The answer says
   * whether the panel opens by itself ("Open automatically"), so the content script does not
   * read the stored settings itself.
   */
  pageDetected: { req: { info: PageInfo }; res: { openAutomatically: boolean } | undefined };
  /** helper -> content: what is this page? */
  getPageInfo: { req: undefined; res: PageInfo };
  /** helper -> content: read the open wizard's current selection. */
  captureSelection: { req: undefined; res: CapturedSelection | { error: string } };
  /**
   * helper -> content: "Copy page report" after a stopped run: an outline of the wizard's current
   * step with the last run's typed values, emails, people and the success dialog left out.
   */
  pageReport: { req: undefined; res: string };
  /** helper (in-page panel) -> content: close the docked panel. */
  closePanel: { req: undefined; res: undefined };
  /**
   * content -> background: a run created a token. The background keeps the audit log, because the
   * helper that started the run may be gone by the time the page confirms (a closed popup).
   */
  tokenCreated: { req: { entry: CreatedTokenReport }; res: undefined };
  /**
   * helper -> background: open the helper in a tab aimed at `tabId` (platform/helper-tabs.ts);
   * `view` opens it at the import.
   */
  openHelperTab: { req: { tabId?: number; view?: 'import' }; res: undefined };
  /** popped-out helper -> background: which tab is the ticket in my address aimed at? */
  helperTabTarget: { req: { ticket: string }; res: { tabId?: number } };
  /** helper (in-page panel) -> background: which tab am I docked in? */
  whoAmI: { req: undefined; res: { tabId?: number } };
  /**
   * Asked of the content script by the in-page panel before Create or Clear audit log: is this
   * point of the panel (its own coordinates) shown to the person, uncovered? `key` proves the
   * frame is the panel the content script made (launcher.ts), not one the page planted.
   */
  panelClear: { req: { key: string; x: number; y: number }; res: boolean };
}

export type RequestName = keyof RequestMap;
export type Envelope<K extends RequestName = RequestName> = { type: K; data: RequestMap[K]['req'] };

/** A run goes over a long-lived port named RUN_PORT; disconnecting the port cancels the run. */
export const RUN_PORT = 'impact-token-helper:run';

/** What the helper sends over the run port (validated by protocol-schemas.ts / validate-request.ts). */
export type RunIn = { type: 'start'; request: TokenRequest } | { type: 'cancel' };

/** `readBack`: how the run read back the wizard, once it did (for tests and the bench). */
export type RunOutcome =
  | { status: 'ready-for-review'; readBack?: ReadBackPath }
  | { status: 'created'; readBack?: ReadBackPath }
  /** `step` is the wizard step's id; `reason` is the page's or the driver's words, shown verbatim. */
  | { status: 'stopped'; step: WizardStep; reason: string; readBack?: ReadBackPath }
  | { status: 'cancelled' };

/** content -> helper over the run port. */
export type RunOut =
  /** `step` is about to run; the helper words it (src/helper/run-text.ts) in the person's language. */
  | { type: 'progress'; index: number; total: number; step: PlanStep }
  | { type: 'done'; outcome: RunOutcome; offered?: ScopeCatalog };
