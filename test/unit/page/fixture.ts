/**
 * A small, behaving impact.com "Create Access Token" wizard in plain DOM, built to the shape
 * src/page/README.md describes, with the tricky parts switchable: options portalled to the end of
 * body after a delay, native selects, label variants, Japanese labels and translated categories,
 * late resets, refusals (role=alert), the optional confirm alertdialog and the success dialog
 * whose secret must never be read. Inputs behave like React-controlled ones: the page's state is
 * the truth, and a render writes it back into the DOM.
 *
 * What it records (created tokens, refills, secret reads) is what the tests assert on.
 */
import type { Method } from '../../../src/core/scopes';

type Lang = 'en' | 'ja';

const TEXT = {
  en: {
    opener: 'Create Access Token',
    steps: ['Setup', 'Contact Information', 'API Scopes', 'Create'],
    tokenName: 'Token Name',
    description: 'Description',
    apiVersion: 'API Version',
    version: (n: number, latest: boolean) => `Version ${n}${latest ? ' (Latest)' : ''}`,
    primaryContact: 'Primary Contact',
    emails: 'Developer Emails',
    remove: (e: string) => `Remove ${e}`,
    next: 'Next',
    back: 'Back',
    create: 'Create',
    clearAll: 'Clear All',
    confirmTitle: 'Create this token?',
    confirm: 'Confirm',
    cancel: 'Cancel',
    created: 'Access Token Created',
    done: 'Done',
    copy: 'Copy',
    account: 'Account',
    errName: 'Token Name is required.',
    errTaken: 'A token with this name already exists.',
    errEmail: 'Enter a valid email address.',
    errScope: 'Select at least one API scope.',
  },
  ja: {
    opener: 'アクセス トークンを作成',
    steps: ['セットアップ', '連絡先情報', 'API スコープ', '作成'],
    tokenName: 'トークン名',
    description: '説明',
    apiVersion: 'API バージョン',
    version: (n: number, latest: boolean) => `バージョン ${n}${latest ? '（最新）' : ''}`,
    primaryContact: '主な連絡先',
    emails: '開発者のメールアドレス',
    remove: (e: string) => `${e} を削除`,
    next: '次へ',
    back: '戻る',
    create: '作成',
    clearAll: 'すべてクリア',
    confirmTitle: 'このトークンを作成しますか？',
    confirm: '確認',
    cancel: 'キャンセル',
    created: 'アクセス トークンが作成されました',
    done: '完了',
    copy: 'コピー',
    account: 'アカウント',
    errName: 'トークン名は必須です。',
    errTaken: 'この名前のトークンは既に存在します。',
    errEmail: '有効なメール アドレスを入力してください。',
    errScope: '少なくとも 1 つの API スコープを選択してください。',
  },
};

const JA_CATEGORIES: Record<string, string> = { Reports: 'レポート', Jobs: 'ジョブ', Ads: '広告' };

export const DEFAULT_CATEGORIES: Record<string, Method[]> = {
  Accounts: ['GET', 'POST', 'PUT', 'DELETE'],
  Ads: ['GET', 'POST', 'PUT', 'DELETE'],
  Jobs: ['GET', 'POST'],
  Reports: ['GET'],
};

export const USERS = [
  { name: 'Aiko Tanaka', email: 'aiko@acme.example' },
  { name: 'Ben Ode', email: 'ben@acme.example' },
  { name: 'Aiko Sato', email: 'sato@acme.example' },
];

type Field = 'tokenName' | 'description' | 'version' | 'contact';

export interface FixtureOptions {
  lang?: Lang;
  /** Sets <html lang>; false leaves it empty (locale from the page's strings). */
  htmlLang?: boolean;
  nativeSelects?: boolean;
  /** ms before a custom listbox shows its options (it appears at once, empty and busy). */
  optionDelay?: number;
  /** ms every Next/Back takes (validation, network). */
  stepDelay?: number;
  emailsLabel?: string;
  categories?: Record<string, Method[]>;
  /** Japanese page shows translated category names. */
  translated?: boolean;
  versions?: number[];
  /** No option is marked Latest. */
  noLatestMarker?: boolean;
  /** The version marked Latest (default: the first offered). */
  latestVersion?: number;
  takenNames?: string[];
  confirm?: boolean;
  /** After Create, an alert in the wizard repeats the secret before the success dialog shows. */
  secretNotice?: boolean;
  /** Resets a field to its default `afterMs` after its step first appears (late data). */
  lateReset?: { field: Field; afterMs: number };
  /** Resets the field a moment after every fill: the page never keeps it. */
  alwaysReset?: Field | 'emails';
  /** ms after a fill that alwaysReset strikes (default 1). */
  resetDelay?: number;
  /** A category whose switch ignores clicks and Clear All (stuck on or off). */
  stuck?: string;
  /** Scopes already on when the wizard opens (a page that preselects). */
  preselected?: Record<string, Method[]>;
  /** Starts with the wizard open. */
  open?: boolean;
  /**
   * The Create step shows every term of what will be created (name, description, version,
   * contact, emails, scopes) in a description list; without it only name and description, which
   * is not enough to read back from.
   */
  fullSummary?: boolean;
  /** Label overrides, e.g. { tokenName: 'Token Title' } (the page renamed a label). */
  rename?: Partial<Record<'tokenName' | 'description' | 'next', string>>;
}

export interface CreatedRecord {
  name: string;
  description: string;
  version: number;
  contact: string;
  emails: string[];
  scopes: Record<string, Method[]>;
}

export interface WizardPage {
  state: State;
  created: CreatedRecord[];
  /** How often a text field got a new value from an input event, per field. */
  fills: Record<string, number>;
  /** Every read of the success dialog's secret, by property name. */
  secretReads: string[];
  /** The success dialog's secret element, once shown. */
  secret: () => HTMLElement | null;
  render(): void;
}

interface State {
  open: boolean;
  step: number;
  tokenName: string;
  description: string;
  version: number;
  contact: string;
  emails: string[];
  draft: string;
  scopes: Record<string, Method[]>;
  error: string | null;
  dropdown: 'version' | 'contact' | null;
  optionsReady: boolean;
  phase: 'editing' | 'confirming' | 'creating' | 'created';
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const later = (ms: number, f: () => void) => setTimeout(f, ms);

export function mountWizardPage(options: FixtureOptions = {}): WizardPage {
  const lang = options.lang ?? 'en';
  const T = TEXT[lang];
  const L = { ...T, ...options.rename };
  const emailsLabel = options.emailsLabel ?? T.emails;
  const categories = options.categories ?? DEFAULT_CATEGORIES;
  const versions = options.versions ?? [16, 15, 14];
  const stepDelay = options.stepDelay ?? 5;
  const optionDelay = options.optionDelay ?? 15;
  const catLabel = (c: string) => (options.translated && JA_CATEGORIES[c]) || c;
  const defaults = {
    tokenName: '',
    description: '',
    version: versions[0] ?? 0,
    contact: USERS[0]?.email ?? '',
  };

  document.documentElement.lang = options.htmlLang === false ? '' : lang;
  document.body.innerHTML = `
    <header><div aria-label="${T.account}">Acme Media (1234567)</div></header>
    <main id="root"><h1>API</h1><button id="opener" type="button">${T.opener}</button></main>`;

  const state: State = {
    open: false,
    step: 0,
    ...defaults,
    emails: [],
    draft: '',
    scopes: structuredClone(options.preselected ?? {}),
    error: null,
    dropdown: null,
    optionsReady: false,
    phase: 'editing',
  };
  const page: WizardPage = {
    state,
    created: [],
    fills: {},
    secretReads: [],
    secret: () => document.getElementById('secret'),
    render,
  };

  let dialog: HTMLElement | null = null;
  const lateResetFired = new Set<string>();

  const versionText = (n: number) =>
    T.version(n, !options.noLatestMarker && n === (options.latestVersion ?? versions[0]));
  const contactText = (email: string) => {
    const u = USERS.find((x) => x.email === email);
    return u ? `${u.name} <${u.email}>` : '';
  };

  const dropdownHtml = (
    key: 'version' | 'contact',
    label: string,
    shown: string,
    value: string,
  ) => {
    if (options.nativeSelects) {
      const opts =
        key === 'version'
          ? versions.map((n) => [String(n), versionText(n)])
          : USERS.map((u) => [u.email, contactText(u.email)]);
      return `<div><label for="${key}-select">${label}</label><select id="${key}-select" data-select="${key}">${opts
        .map(
          ([v, t]) =>
            `<option value="${esc(v as string)}"${v === value ? ' selected' : ''}>${esc(t as string)}</option>`,
        )
        .join('')}</select></div>`;
    }
    return `<div><span id="${key}-label">${label}</span><button type="button" id="${key}-button" aria-haspopup="listbox" aria-expanded="${state.dropdown === key}" aria-labelledby="${key}-label ${key}-value" data-dropdown="${key}"><span id="${key}-value">${esc(shown)}</span></button></div>`;
  };

  const stepBody = () => {
    switch (state.step) {
      case 0:
        return `
          <label for="name">${L.tokenName}</label><input id="name" type="text" data-field="tokenName">
          <label for="desc">${L.description}</label><textarea id="desc" data-field="description"></textarea>
          ${dropdownHtml('version', T.apiVersion, versionText(state.version), String(state.version))}`;
      case 1:
        return `
          ${dropdownHtml('contact', T.primaryContact, contactText(state.contact), state.contact)}
          <div><label id="emails-label" for="emails">${emailsLabel}</label>
          <ul role="list" aria-labelledby="emails-label">${state.emails
            .map(
              (e) =>
                `<li><span>${esc(e)}</span><button type="button" aria-label="${esc(T.remove(e))}" data-remove="${esc(e)}">×</button></li>`,
            )
            .join('')}</ul>
          <input id="emails" type="text" data-emails></div>`;
      case 2:
        return `<button type="button" data-act="clear">${T.clearAll}</button>${Object.entries(
          categories,
        )
          .map(([cat, methods], i) => {
            const on = state.scopes[cat] !== undefined;
            return `<div role="group" aria-labelledby="cat-${i}"><span id="cat-${i}">${esc(catLabel(cat))}</span>
              <button type="button" role="switch" aria-checked="${on}" aria-labelledby="cat-${i}" data-switch="${esc(cat)}"></button>
              ${on ? methods.map((m) => `<label><input type="checkbox" data-cat="${esc(cat)}" data-method="${m}"${state.scopes[cat]?.includes(m) ? ' checked' : ''}>${m}</label>`).join('') : ''}
            </div>`;
          })
          .join('')}`;
      default: {
        const none = options.lang === 'ja' ? 'なし' : 'None';
        const pair = (term: string, value: string) => `<dt>${term}</dt><dd>${value}</dd>`;
        if (!options.fullSummary)
          return `<dl>${pair(T.tokenName, esc(state.tokenName))}${pair(T.description, esc(state.description))}</dl>`;
        const user = USERS.find((u) => u.email === state.contact);
        const scopes = Object.entries(state.scopes)
          .filter(([, methods]) => methods.length)
          .map(([cat, methods]) => `<li><b>${esc(catLabel(cat))}</b> ${methods.join(', ')}</li>`);
        return `<dl>${[
          pair(T.tokenName, esc(state.tokenName)),
          pair(T.description, esc(state.description) || none),
          pair(T.apiVersion, esc(T.version(state.version, false))),
          pair(T.primaryContact, user ? esc(`${user.name} <${user.email}>`) : esc(state.contact)),
          pair(T.emails, esc(state.emails.join(', ')) || none),
          pair(T.steps[2] as string, `<ul>${scopes.join('')}</ul>`),
        ].join('')}</dl>`;
      }
    }
  };

  function render() {
    if (!state.open || state.phase === 'created') {
      dialog?.remove();
      dialog = null;
    } else {
      if (!dialog) {
        dialog = document.createElement('div');
        dialog.setAttribute('role', 'dialog');
        dialog.setAttribute('aria-modal', 'true');
        dialog.setAttribute('aria-labelledby', 'wizard-title');
        document.body.append(dialog);
      }
      const last = state.step === 3;
      dialog.setAttribute('aria-busy', String(state.phase === 'creating'));
      dialog.innerHTML = `
        <h2 id="wizard-title">${T.opener}</h2>
        <ol>${T.steps.map((s, i) => `<li${i === state.step ? ' aria-current="step"' : ''}>${s}</li>`).join('')}</ol>
        <div>${stepBody()}</div>
        ${state.error ? `<p role="alert">${esc(state.error)}</p>` : '<p role="alert"></p>'}
        ${state.phase === 'creating' ? '<span role="progressbar" aria-label="Creating"></span>' : ''}
        <footer>
          ${state.step > 0 ? `<button type="button" data-act="back">${T.back}</button>` : ''}
          ${last ? `<button type="button" data-act="create"${state.phase !== 'editing' ? ' disabled' : ''}>${T.create}</button>` : `<button type="button" data-act="next">${L.next}</button>`}
        </footer>`;
      // Controlled inputs: the DOM shows the state (set as properties, like React does).
      const set = (sel: string, v: string) => {
        const el = dialog?.querySelector<HTMLInputElement>(sel);
        if (el) el.value = v;
      };
      set('#name', state.tokenName);
      set('#desc', state.description);
      set('#emails', state.draft);
    }
    renderListbox();
    renderModals();
  }

  function renderListbox() {
    document.getElementById('listbox')?.remove();
    const key = state.dropdown;
    if (!key) return;
    const box = document.createElement('div');
    box.id = 'listbox';
    box.setAttribute('role', 'listbox');
    box.setAttribute('aria-labelledby', `${key}-label`);
    if (!state.optionsReady) box.setAttribute('aria-busy', 'true');
    else
      box.innerHTML = (
        key === 'version'
          ? versions.map((n) => [String(n), versionText(n)])
          : USERS.map((u) => [u.email, contactText(u.email)])
      )
        .map(
          ([v, t]) =>
            `<div role="option" data-option="${esc(v as string)}">${esc(t as string)}</div>`,
        )
        .join('');
    document.body.append(box); // a portal: outside the dialog
  }

  function renderModals() {
    document.getElementById('confirm')?.remove();
    if (state.phase === 'confirming') {
      const c = document.createElement('div');
      c.id = 'confirm';
      c.setAttribute('role', 'alertdialog');
      c.setAttribute('aria-labelledby', 'confirm-title');
      c.innerHTML = `<h2 id="confirm-title">${T.confirmTitle}</h2><button type="button" data-act="cancel">${T.cancel}</button><button type="button" data-act="confirm">${T.confirm}</button>`;
      document.body.append(c);
    }
    if (state.phase === 'created' && !document.getElementById('created')) {
      const d = document.createElement('div');
      d.id = 'created';
      d.setAttribute('role', 'dialog');
      d.setAttribute('aria-labelledby', 'created-title');
      d.innerHTML = `<h2 id="created-title">${T.created}</h2><div><span>Account SID</span><code>IRsid-secret</code><button type="button">${T.copy}</button></div><div><span>Auth Token</span><code id="secret">tok_SECRET_VALUE</code><button type="button">${T.copy}</button></div><button type="button">${T.done}</button>`;
      document.body.append(d);
      trapSecret(d);
    }
  }

  /** Records any read of the secrets' text, on the elements and on their text nodes. */
  function trapSecret(d: HTMLElement) {
    for (const code of d.querySelectorAll('code')) {
      const record = (name: string) => page.secretReads.push(name);
      const text = code.firstChild as Text;
      for (const prop of ['textContent', 'innerText', 'innerHTML', 'outerHTML']) {
        Object.defineProperty(code, prop, {
          get: () => {
            record(`code.${prop}`);
            return 'x';
          },
        });
      }
      for (const prop of ['data', 'nodeValue', 'textContent', 'wholeText']) {
        Object.defineProperty(text, prop, {
          get: () => {
            record(`text.${prop}`);
            return 'x';
          },
        });
      }
    }
  }

  const scheduleLateReset = () => {
    const r = options.lateReset;
    const stepOf = { tokenName: 0, description: 0, version: 0, contact: 1 };
    if (!r || lateResetFired.has(r.field) || stepOf[r.field] !== state.step) return;
    lateResetFired.add(r.field);
    later(r.afterMs, () => {
      (state as unknown as Record<string, unknown>)[r.field] = defaults[r.field];
      render();
    });
  };

  const resetSoon = (field: Field | 'emails') => {
    if (options.alwaysReset === field)
      later(options.resetDelay ?? 1, () => {
        (state as unknown as Record<string, unknown>)[field] =
          field === 'emails' ? [] : defaults[field];
        render();
      });
  };

  const grants = () =>
    Object.fromEntries(Object.entries(state.scopes).filter(([, m]) => m.length > 0));

  const go = (to: number) => {
    state.error = null;
    if (to > state.step) {
      if (state.step === 0 && !state.tokenName.trim()) state.error = T.errName;
      else if (state.step === 0 && options.takenNames?.includes(state.tokenName))
        state.error = T.errTaken;
      else if (state.step === 2 && Object.keys(grants()).length === 0) state.error = T.errScope;
    }
    if (state.error) return later(stepDelay, render);
    later(stepDelay, () => {
      state.step = to;
      state.draft = ''; // text left in the tag input is dropped, as in most tag inputs
      render();
      scheduleLateReset();
    });
  };

  const openWizard = () => {
    state.open = true;
    later(stepDelay, () => {
      render();
      scheduleLateReset();
    });
  };

  const onClick = (e: Event) => {
    const t = e.target as HTMLElement;
    const el = t.closest<HTMLElement>(
      '[data-act],[data-dropdown],[data-option],[data-switch],[data-remove],#opener',
    );
    if (!el) {
      if (state.dropdown && !t.closest('#listbox')) {
        state.dropdown = null;
        render();
      }
      return;
    }
    if (el.id === 'opener') return openWizard();
    const act = el.dataset.act;
    if (act === 'next') return go(state.step + 1);
    if (act === 'back') return go(state.step - 1);
    if (act === 'clear') {
      const stuck = options.stuck && state.scopes[options.stuck];
      state.scopes = stuck ? { [options.stuck as string]: stuck } : {};
      return render();
    }
    if (act === 'create') {
      state.phase = options.confirm ? 'confirming' : 'creating';
      render();
      if (!options.confirm) later(stepDelay, finishCreate);
      return;
    }
    if (act === 'confirm') {
      state.phase = 'creating';
      render();
      return later(stepDelay, finishCreate);
    }
    if (act === 'cancel') {
      state.phase = 'editing';
      return render();
    }
    if (el.dataset.dropdown) {
      const key = el.dataset.dropdown as 'version' | 'contact';
      state.dropdown = state.dropdown === key ? null : key;
      state.optionsReady = false;
      render();
      later(optionDelay, () => {
        state.optionsReady = true;
        render();
      });
      return;
    }
    if (el.dataset.option) {
      if (state.dropdown === 'version') {
        state.version = Number(el.dataset.option);
        resetSoon('version');
      } else {
        state.contact = el.dataset.option;
        resetSoon('contact');
      }
      state.dropdown = null;
      return render();
    }
    if (el.dataset.switch) {
      const cat = el.dataset.switch;
      if (cat === options.stuck) return;
      if (state.scopes[cat]) delete state.scopes[cat];
      else state.scopes[cat] = [];
      return render();
    }
    if (el.dataset.remove) {
      state.emails = state.emails.filter((x) => x !== el.dataset.remove);
      return render();
    }
  };

  const onInput = (e: Event) => {
    const t = e.target as HTMLInputElement;
    const field = t.dataset.field as 'tokenName' | 'description' | undefined;
    if (field) {
      state[field] = t.value;
      page.fills[field] = (page.fills[field] ?? 0) + 1;
      state.error = null;
      resetSoon(field);
    }
    if (t.dataset.emails !== undefined) state.draft = t.value;
  };

  const onChange = (e: Event) => {
    const t = e.target as HTMLInputElement & HTMLSelectElement;
    if (t.dataset.select === 'version') state.version = Number(t.value);
    if (t.dataset.select === 'contact') state.contact = t.value;
    if (t.dataset.cat) {
      const cat = t.dataset.cat;
      const m = t.dataset.method as Method;
      const list = state.scopes[cat] ?? [];
      state.scopes[cat] = t.checked ? [...list, m] : list.filter((x) => x !== m);
      render();
    }
  };

  const onKeyDown = (e: Event) => {
    const k = e as KeyboardEvent;
    const t = k.target as HTMLInputElement;
    if (t.dataset.emails === undefined || k.key !== 'Enter') return;
    const address = state.draft.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) state.error = T.errEmail;
    else {
      state.emails = [...state.emails, address];
      state.draft = '';
      state.error = null;
      resetSoon('emails');
    }
    later(1, render);
  };

  function finishCreate() {
    page.created.push({
      name: state.tokenName,
      description: state.description,
      version: state.version,
      contact: state.contact,
      emails: [...state.emails],
      scopes: grants(),
    });
    const done = () => {
      state.phase = 'created';
      render();
    };
    if (!options.secretNotice) return done();
    state.error = 'Token created. Auth Token: tok_SECRET_VALUE';
    render();
    later(stepDelay, done);
  }

  document.addEventListener('click', onClick);
  document.addEventListener('input', onInput);
  document.addEventListener('change', onChange);
  document.addEventListener('keydown', onKeyDown);
  cleanups.push(() => {
    document.removeEventListener('click', onClick);
    document.removeEventListener('input', onInput);
    document.removeEventListener('change', onChange);
    document.removeEventListener('keydown', onKeyDown);
  });

  if (options.open) {
    state.open = true;
    render();
    scheduleLateReset();
  }
  return page;
}

const cleanups: (() => void)[] = [];

/** Removes the listeners of every mounted page (call in afterEach). */
export function unmountAll(): void {
  for (const f of cleanups.splice(0)) f();
  document.body.innerHTML = '';
}
