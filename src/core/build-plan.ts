import type { Plan, PlanStep, ReadBackExpectation } from './plan';
import { normalizeScopes } from './scope-model';
import type { TokenRequest } from './token-request';

/**
 * The planner: a validated request in, the wizard walk as plain data out. All decisions live
 * here (what to skip, in which order), so the page driver stays a dumb executor and every plan
 * can be checked in a unit test without a page.
 */

/** Same address twice would make the page refuse the second tag; case does not make it different. */
const uniqueEmails = (emails: readonly string[]): string[] => {
  const seen = new Set<string>();
  return emails.filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const readBackExpectation = (request: TokenRequest): ReadBackExpectation => ({
  tokenName: request.name,
  description: request.description,
  apiVersion: request.version,
  primaryContact: request.primaryContact,
  developerEmails: uniqueEmails(request.developerEmails),
  scopes: normalizeScopes(request.scopes),
});

export const buildPlan = (request: TokenRequest): Plan => {
  const emails = uniqueEmails(request.developerEmails);
  const steps: PlanStep[] = [
    { kind: 'openWizard' },
    { kind: 'expectStep', step: 'setup' },
    { kind: 'fillText', field: 'tokenName', value: request.name },
    { kind: 'fillText', field: 'description', value: request.description },
    { kind: 'choose', field: 'apiVersion', value: request.version },
    { kind: 'next', from: 'setup' },
    { kind: 'expectStep', step: 'contact' },
  ];
  // '' means "leave the page's preselected contact", so there is nothing to choose.
  if (request.primaryContact !== '')
    steps.push({ kind: 'choose', field: 'primaryContact', value: request.primaryContact });
  if (emails.length > 0) steps.push({ kind: 'addEmails', values: emails });
  steps.push(
    { kind: 'next', from: 'contact' },
    { kind: 'expectStep', step: 'scopes' },
    // Start from nothing: the wizard may remember or preselect scopes, and a preset grants exactly its own.
    { kind: 'clearScopes' },
  );
  for (const scope of normalizeScopes(request.scopes))
    steps.push(
      { kind: 'setCategory', category: scope.category, on: true },
      { kind: 'setGrants', scope },
    );
  steps.push(
    { kind: 'next', from: 'scopes' },
    { kind: 'expectStep', step: 'create' },
    // Checked in both modes: review stops here for a person; create only proceeds if it matches.
    { kind: 'readBack', expect: readBackExpectation(request) },
  );
  if (request.mode === 'create') steps.push({ kind: 'create' }, { kind: 'awaitCreated' });
  return { request, steps };
};
