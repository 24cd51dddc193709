import type { JSX } from 'preact';
import { expandTemplate, PLACEHOLDERS } from '../core/name-template';
import type { PageContact, PageInfo } from '../core/protocol';
import { t } from '../platform/i18n';
import { type FormCheck, type FormState, versionChoices } from './form';
import { ScopePicker, type ScopesUpdate } from './scope-picker';
import type { ShownCatalog } from './shown-catalog';

interface Props {
  form: FormState;
  onChange(next: FormState): void;
  /** Changes the form's scopes; stable, so the memoized picker skips renders it does not need. */
  onScopes: ScopesUpdate;
  page?: PageInfo;
  shown: ShownCatalog;
  check: FormCheck;
  /** Changes when another preset is opened: the picker starts afresh (what is open, the filter). */
  pickerKey: string;
  presetName: string;
  now(): Date;
  disabled: boolean;
}

/** The token's fields, in the wizard's order, and the scope picker. */
export function TokenForm(props: Props): JSX.Element {
  const { form, check, page } = props;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    props.onChange({ ...form, [key]: value });
  const nameError = check.unknownPlaceholders.length
    ? t('templateUnknown', check.unknownPlaceholders.join(', '))
    : '';
  const expanded =
    !nameError && form.nameTemplate.includes('{')
      ? expandTemplate(form.nameTemplate, {
          now: props.now(),
          account: page?.account,
          presetName: props.presetName,
        })
      : undefined;
  const contacts = pageContacts(page);
  const emailError = check.invalidEmails.length
    ? t('invalidEmail', check.invalidEmails.join(', '))
    : '';

  return (
    <fieldset class="token" disabled={props.disabled}>
      <div class="field">
        <label for="token-name">{t('tokenName')}</label>
        <input
          id="token-name"
          value={form.nameTemplate}
          maxLength={200}
          spellcheck={false}
          aria-invalid={nameError ? 'true' : undefined}
          aria-describedby="token-name-msg token-name-hint"
          onInput={(e) => set('nameTemplate', e.currentTarget.value)}
        />
        <p id="token-name-msg" class={nameError ? 'error' : 'preview'}>
          {nameError || (expanded?.ok ? t('tokenNamePreview', expanded.value) : '')}
        </p>
        <p id="token-name-hint" class="hint">
          {t('tokenNameHint', PLACEHOLDERS.map((p) => `{${p}}`).join(' '))}
        </p>
      </div>

      <div class="field">
        <label for="description">{t('description')}</label>
        <textarea
          id="description"
          rows={2}
          maxLength={1000}
          value={form.description}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
      </div>

      <div class="field">
        <label for="api-version">{t('apiVersion')}</label>
        <select
          id="api-version"
          value={form.version}
          onChange={(e) => set('version', e.currentTarget.value)}
        >
          <option value="latest">{t('versionLatest')}</option>
          {versionChoices(page, form.version).map((v) => (
            <option key={v} value={v}>
              {t('versionNumber', v)}
            </option>
          ))}
        </select>
      </div>

      <div class="field">
        <label for="primary-contact">{t('primaryContact')}</label>
        <input
          id="primary-contact"
          value={form.primaryContact}
          maxLength={320}
          autocomplete="off"
          list={contacts.length ? 'page-contacts' : undefined}
          aria-describedby="primary-contact-hint"
          onInput={(e) => set('primaryContact', e.currentTarget.value)}
        />
        {contacts.length > 0 && (
          // The page's own list, by email (what is stored); free text stays for other accounts.
          <datalist id="page-contacts">
            {contacts.map((c) => (
              // Browsers show the value (the email) beside the label (the name).
              <option key={c.email} value={c.email} label={c.name || c.email} />
            ))}
          </datalist>
        )}
        <p id="primary-contact-hint" class="hint">
          {contacts.length ? t('primaryContactPickHint') : t('primaryContactHint')}
        </p>
      </div>

      <div class="field">
        <label for="developer-emails">{t('developerEmails')}</label>
        <textarea
          id="developer-emails"
          rows={2}
          spellcheck={false}
          value={form.developerEmails}
          aria-invalid={emailError ? 'true' : undefined}
          aria-describedby="developer-emails-msg"
          onInput={(e) => set('developerEmails', e.currentTarget.value)}
        />
        <p id="developer-emails-msg" class={emailError ? 'error' : 'hint'}>
          {emailError || t('developerEmailsHint')}
        </p>
      </div>

      <ScopePicker
        key={props.pickerKey}
        scopes={form.scopes}
        onChange={props.onScopes}
        shown={props.shown}
      />
    </fieldset>
  );
}

/** The page's contact list as choices: well-formed entries only, each address once. */
export function pageContacts(page: PageInfo | undefined): PageContact[] {
  const seen = new Set<string>();
  return (Array.isArray(page?.contacts) ? page.contacts : []).filter(
    (c): c is PageContact =>
      typeof c?.email === 'string' &&
      typeof c.name === 'string' &&
      c.email.length <= 320 &&
      c.name.length <= 200 &&
      !seen.has(c.email) &&
      !!seen.add(c.email),
  );
}
