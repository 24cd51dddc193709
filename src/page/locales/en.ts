import type { PageStrings } from '.';

/** English UI. Sources: impact.com help centre and shared/reference/impact-api-token-wizard.md. */
export const en: PageStrings = {
  opener: ['Create Access Token'],
  steps: {
    setup: ['Setup'],
    contact: ['Contact Information'],
    scopes: ['API Scopes'],
    create: ['Create'],
  },
  tokenName: ['Token Name'],
  description: ['Description'],
  apiVersion: ['API Version'],
  primaryContact: ['Primary Contact'],
  developerEmails: ['Developer Emails', 'Developer email addresses', 'Additional developer emails'],
  next: ['Next', 'Next step'],
  back: ['Back'],
  create: ['Create'],
  clearAll: ['Clear All'],
  confirmDialog: ['Create this token?'],
  confirm: ['Confirm'],
  created: ['Access Token Created'],
  decorations: ['(optional)', '(required)', '*', ':'],
  summaryScopes: ['API Scopes', 'Scopes'],
  none: ['None'],
  latest: ['Latest'],
  account: ['Account'],
  addEmail: ['Add email', 'Add another email', 'Add developer email'],
  removeTag: 'Remove {email}',
  categories: {},
};
