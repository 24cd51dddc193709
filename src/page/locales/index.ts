import type { WizardStep } from '../../core/plan';
import type { PageLocale } from '../../core/protocol';
import { en } from './en';
import { ja } from './ja';

/**
 * Every visible string the driver looks for on impact.com, one table per UI language. Each entry
 * is a list of accepted alternatives, so a new impact.com label is a one-line change.
 */
export interface PageStrings {
  /** The button that opens the wizard; the wizard dialog's name contains it too. */
  opener: string[];
  /** The step indicator's text for each step. */
  steps: Record<WizardStep, string[]>;
  tokenName: string[];
  description: string[];
  apiVersion: string[];
  primaryContact: string[];
  /** The extra developer emails textbox and its tag list (the label is not public: several). */
  developerEmails: string[];
  next: string[];
  back: string[];
  create: string[];
  clearAll: string[];
  /** The optional "Create this token?" alertdialog and its confirming button. */
  confirmDialog: string[];
  confirm: string[];
  /** The success dialog. Only its existence is ever checked; its contents are secret. */
  created: string[];
  /**
   * What a label may carry besides its words, which a person reads past: "(optional)", a
   * required "*", a trailing colon. Only these are taken off a label's ends before it is
   * compared; any other word makes it a different label.
   */
  decorations: string[];
  /**
   * The Create step summary's term for the granted scopes (the other terms are the fields'
   * labels), and its word for a field left empty.
   */
  summaryScopes: string[];
  none: string[];
  /** Marks the newest API version in its option text. */
  latest: string[];
  /** aria-label of the top bar element showing the account name. */
  account: string[];
  /** The button that adds one more developer-email input (the one-input-per-address shape). */
  addEmail: string[];
  /** Name of a developer-email tag's remove button; {email} stands for the address. */
  removeTag: string;
  /**
   * API category names as this page shows them, keyed by the English name presets use. Only
   * needed where the page translates them; the English name itself always matches.
   */
  categories: Record<string, string[]>;
}

export const LOCALES: Record<PageLocale, PageStrings> = { en, ja };
