import { EMAILS_LABELS, type Lang, type Scenario } from '../../scenario';
import { en, type MessageKey, type Messages } from './en';
import { EMAILS_LABELS_JA, ja } from './ja';

/** localStorage key of the user's language setting, like a profile preference. */
const LANG_KEY = 'impact-sim.lang';

const isLang = (v: string | null): v is Lang => v === 'en' || v === 'ja';

/**
 * The UI language: Scenario.lang (a test override, not stored) wins; otherwise `?lang=` sets the
 * user's stored preference, as changing the language setting would; otherwise English.
 */
export const chooseLang = (scenario: Scenario, search: string): Lang => {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) localStorage.setItem(LANG_KEY, asked);
  if (scenario.lang) return scenario.lang;
  const stored = localStorage.getItem(LANG_KEY);
  return isLang(stored) ? stored : 'en';
};

export const storeLang = (lang: Lang) => localStorage.setItem(LANG_KEY, lang);

/** Field labels that Scenario.labelDecoration decorates, by what they are. */
const OPTIONAL_FIELDS: MessageKey[] = ['description', 'developerEmails'];
const REQUIRED_FIELDS: MessageKey[] = ['tokenName', 'apiVersion', 'primaryContact'];

/** Scenario.labelDecoration and Scenario.buttonNames, written into the label strings. */
function decorate(messages: Messages, lang: Lang, scenario: Scenario): void {
  const add = (keys: MessageKey[], suffix: string) => {
    for (const key of keys) messages[key] += suffix;
  };
  const decoration = scenario.labelDecoration;
  if (decoration === 'optional') add(OPTIONAL_FIELDS, messages.optionalSuffix);
  if (decoration === 'required') add(REQUIRED_FIELDS, ' *');
  if (decoration === 'colon')
    add([...REQUIRED_FIELDS, ...OPTIONAL_FIELDS], lang === 'ja' ? '：' : ':');
  if (scenario.buttonNames === 'case')
    messages.createAccessToken = messages.createAccessTokenSentence;
  if (scenario.buttonNames === 'next-step') messages.next = messages.nextStep;
}

/** The locale's strings with the scenario's label variants applied. */
export const messagesFor = (lang: Lang, scenario: Scenario): Messages => {
  const messages = { ...(lang === 'ja' ? ja : en) };
  const variant = EMAILS_LABELS.indexOf(scenario.emailsLabel);
  messages.developerEmails =
    lang === 'ja' ? (EMAILS_LABELS_JA[variant] ?? ja.developerEmails) : scenario.emailsLabel;
  decorate(messages, lang, scenario);
  const rename = scenario.renameLabel;
  if (rename && rename.key in messages) messages[rename.key as MessageKey] = rename.to;
  else if (rename)
    console.error(`[impact sim] renameLabel: no label "${rename.key}" (see app/locale/en.ts)`);
  return messages;
};

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const makeTranslate =
  (messages: Messages): Translate =>
  (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(vars?.[name] ?? whole));
