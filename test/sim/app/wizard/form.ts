import { METHODS } from '../../scenario';
import type { AccountInfo, CreateTokenBody, ScopeGrant } from '../../wire';
import { endpointId, type ScopeCategory } from '../catalog';
import type { MessageKey } from '../locale/en';

/** Everything the wizard collects. It lives above the steps, so it survives their DOM rebuilds. */
export interface WizardForm {
  tokenName: string;
  description: string;
  version: number;
  /** Account user's email; '' until the users have loaded. */
  primaryContact: string;
  developerEmails: string[];
  /**
   * Category id -> ticked grant ids (a method on the per-method page, "METHOD /path" on the
   * per-endpoint page), for every category that is on.
   */
  scopes: Record<string, string[]>;
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

/**
 * The ticked scopes in page order; a category that is on with nothing ticked grants nothing. On
 * the per-endpoint page a method whose every endpoint is ticked is reported as that method, and
 * the other ticked endpoints one by one (`endpoints`, left out when there are none).
 */
export const grantsOf = (form: WizardForm, catalog: ScopeCategory[]): ScopeGrant[] =>
  catalog.flatMap((c): ScopeGrant[] => {
    const checked = form.scopes[c.id] ?? [];
    if (!c.endpoints.length) {
      const methods = METHODS.filter((m) => checked.includes(m));
      return methods.length ? [{ category: c.id, methods }] : [];
    }
    const ticked = c.endpoints.filter((e) => checked.includes(endpointId(e)));
    if (!ticked.length) return [];
    const methods = METHODS.filter((m) => {
      const all = c.endpoints.filter((e) => e.method === m);
      return all.length > 0 && all.every((e) => ticked.includes(e));
    });
    const endpoints = ticked
      .filter((e) => !methods.includes(e.method))
      .map((e) => ({ method: e.method, path: e.path }));
    return [{ category: c.id, methods, ...(endpoints.length ? { endpoints } : {}) }];
  });

/** Every granted unit, sorted: "Ads GET" on the per-method page, "Ads GET /path" per endpoint. */
export const grantedUnits = (form: WizardForm, catalog: ScopeCategory[]): string[] =>
  catalog
    .flatMap((c) => {
      const checked = form.scopes[c.id] ?? [];
      return c.endpoints.length
        ? c.endpoints
            .filter((e) => checked.includes(endpointId(e)))
            .map((e) => `${c.id} ${endpointId(e)}`)
        : METHODS.filter((m) => checked.includes(m)).map((m) => `${c.id} ${m}`);
    })
    .sort();

export const requestOf = (form: WizardForm, catalog: ScopeCategory[]): CreateTokenBody => ({
  name: form.tokenName.trim(),
  description: form.description,
  version: form.version,
  primaryContact: form.primaryContact,
  developerEmails: form.developerEmails,
  scopes: grantsOf(form, catalog),
  grants: grantedUnits(form, catalog),
});
