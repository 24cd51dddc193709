import { METHODS, type Method } from '../../scenario';
import type { AccountInfo, CreateTokenBody, ScopeGrant } from '../../wire';
import type { ScopeCategory } from '../catalog';
import type { MessageKey } from '../locale/en';

/** Everything the wizard collects. It lives above the steps, so it survives their DOM rebuilds. */
export interface WizardForm {
  tokenName: string;
  description: string;
  version: number;
  /** Account user's email; '' until the users have loaded. */
  primaryContact: string;
  developerEmails: string[];
  /** Category id -> checked methods, for every category whose switch is on. */
  scopes: Record<string, Method[]>;
}

/**
 * A change to the form: a patch, or a function of the latest form. Functions keep rapid clicks
 * (several in one task, before React re-renders) from overwriting each other.
 */
export type FormChange = Partial<WizardForm> | ((form: WizardForm) => Partial<WizardForm>);
export type UpdateForm = (change: FormChange) => void;

export const STEPS: MessageKey[] = ['stepSetup', 'stepContact', 'stepScopes', 'stepCreate'];
export const SETUP = 0;
export const CONTACT = 1;
export const SCOPES = 2;
export const CREATE = 3;

export const initialForm = (info: AccountInfo): WizardForm => ({
  tokenName: '',
  description: '',
  version: info.versions[0] ?? 0,
  primaryContact: '',
  developerEmails: [],
  scopes: {},
});

/** The checked scopes in page order; categories switched on with nothing checked grant nothing. */
export const grantsOf = (form: WizardForm, catalog: ScopeCategory[]): ScopeGrant[] =>
  catalog.flatMap((c) => {
    const checked = form.scopes[c.id] ?? [];
    const methods = METHODS.filter((m) => checked.includes(m));
    return methods.length ? [{ category: c.id, methods }] : [];
  });

export const requestOf = (form: WizardForm, catalog: ScopeCategory[]): CreateTokenBody => ({
  name: form.tokenName.trim(),
  description: form.description,
  version: form.version,
  primaryContact: form.primaryContact,
  developerEmails: form.developerEmails,
  scopes: grantsOf(form, catalog),
});
