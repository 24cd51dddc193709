import type { Scope } from './scope-model';
import type { TokenRequest } from './token-request';

/** The wizard's four steps, in order. Names are ids; the page's labels live in src/page/locales. */
export const WIZARD_STEPS = ['setup', 'contact', 'scopes', 'create'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export type TextField = 'tokenName' | 'description';
export type ChoiceField = 'apiVersion' | 'primaryContact';

/**
 * One thing to do on the page, as plain data. The page driver (src/page) carries steps out one by
 * one and reports each; it makes no decisions of its own beyond refusing what it cannot find.
 */
export type PlanStep =
  | { kind: 'openWizard' }
  | { kind: 'expectStep'; step: WizardStep }
  | { kind: 'fillText'; field: TextField; value: string }
  | { kind: 'choose'; field: 'apiVersion'; value: string | 'latest' }
  | { kind: 'choose'; field: 'primaryContact'; value: string }
  | { kind: 'addEmails'; values: string[] }
  | { kind: 'clearScopes' }
  | { kind: 'setCategory'; category: string; on: boolean }
  /**
   * Makes the (switched-on) category tick exactly what `scope` grants: every endpoint of its
   * methods, its pinned endpoints, nothing else. Refuses what the page does not offer.
   */
  | { kind: 'setGrants'; scope: Scope }
  | { kind: 'next'; from: WizardStep }
  | { kind: 'readBack'; expect: ReadBackExpectation }
  | { kind: 'create' }
  | { kind: 'awaitCreated' };

/** What the Create step must show before anything is created. */
export interface ReadBackExpectation {
  tokenName: string;
  description: string;
  /** 'latest' means "whatever the page marks as latest". */
  apiVersion: string | 'latest';
  /** '' means the page's default contact is accepted as is. */
  primaryContact: string;
  developerEmails: string[];
  /** Normalized: one entry per category; the page compares the exact set of ticked endpoints. */
  scopes: Scope[];
}

/**
 * How a run read back what the page will create: from the Create step's summary, or by walking
 * Back to Setup and forward again (no summary, or one that cannot be read unambiguously).
 */
export type ReadBackPath = 'summary' | 'walk';

export type Plan = { request: TokenRequest; steps: PlanStep[] };
