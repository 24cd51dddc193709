import { ApiRefusal } from '../api';
import { t } from '../runtime';

/** The page's own words for a failed backend call: localized, or the backend's message verbatim. */
export const refusalText = (error: unknown): string => {
  if (!(error instanceof ApiRefusal)) return t('errCreateFailed');
  switch (error.body.code) {
    case 'name_required':
      return t('errNameRequired');
    case 'name_taken':
      return t('errNameTaken');
    case 'name_refused':
      return error.body.message ?? t('errCreateFailed');
    default:
      return t('errCreateFailed');
  }
};
