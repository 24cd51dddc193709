// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { methodScope } from '../../../src/core/scope-model';
import { chooseOption, typeText } from '../../../src/page/actions';
import { chooseField, fillText, readEmails, setEmails } from '../../../src/page/fields';
import { LOCALES } from '../../../src/page/locales';
import { setCategory, setGrants } from '../../../src/page/page-scopes';
import { makeCtx } from '../../../src/page/wizard';
import { mountWizardPage, unmountAll } from './fixture';

afterEach(unmountAll);

const ctx = (lang: 'en' | 'ja' = 'en', timeout = 1000) =>
  makeCtx(LOCALES[lang], new AbortController().signal, timeout);

/** Opens the fixture wizard on a step (0 Setup … 3 Create). */
const openAt = (step: number, options: Parameters<typeof mountWizardPage>[0] = {}) => {
  const page = mountWizardPage({ open: true, ...options });
  page.state.step = step;
  page.render();
  return page;
};

describe('text fill', () => {
  it('writes through the native setter, so a React-style value tracker sees a change', () => {
    document.body.innerHTML = '<input id="n">';
    const input = document.getElementById('n') as HTMLInputElement;
    // What React does: an own `value` property that remembers the last value it set.
    let tracked = '';
    const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => proto?.get?.call(input),
      set: (v: string) => {
        tracked = v;
        proto?.set?.call(input, v);
      },
    });
    const seen: string[] = [];
    // React's onChange runs on `input` and compares the DOM value with what it tracked.
    document.addEventListener('input', (e) => {
      const value = (e.target as HTMLInputElement).value;
      if (value !== tracked) seen.push(`input:${value}`);
    });
    document.addEventListener('change', (e) =>
      seen.push(`change:${(e.target as HTMLInputElement).value}`),
    );
    typeText(input, 'Nightly sync');
    expect(seen).toEqual(['input:Nightly sync', 'change:Nightly sync']);
    expect(tracked).toBe('');
    expect(document.activeElement).toBe(input);
  });

  it('fills the wizard field found by its label, and the page state takes it', async () => {
    const page = openAt(0);
    await fillText(ctx(), 'description', 'Line one\nLine two');
    expect(page.state.description).toBe('Line one\nLine two');
  });

  it('refuses when the label is not on the page (renamed by impact.com)', async () => {
    openAt(0, { rename: { tokenName: 'Token Title' } });
    await expect(fillText(ctx('en', 50), 'tokenName', 'x')).rejects.toThrow(
      'Token Name (textbox) not found',
    );
  });
});

describe('drop-downs', () => {
  it('opens a custom listbox portalled to body after a delay and picks the option', async () => {
    const page = openAt(0, { optionDelay: 40 });
    await chooseField(ctx(), 'apiVersion', '15');
    expect(page.state.version).toBe(15);
    expect(document.getElementById('listbox')).toBeNull();
  });

  it('takes the option marked Latest for "latest", or else the first', async () => {
    const page = openAt(0, { versions: [17, 16, 15], latestVersion: 16 });
    page.state.version = 15;
    page.render();
    await chooseField(ctx(), 'apiVersion', 'latest');
    expect(page.state.version).toBe(16); // the marked one, not the first
    unmountAll();
    const unmarked = openAt(0, { noLatestMarker: true, versions: [16, 15] });
    unmarked.state.version = 15;
    unmarked.render();
    await chooseField(ctx(), 'apiVersion', 'latest');
    expect(unmarked.state.version).toBe(16);
  });

  it('matches a version as a whole number and refuses one that is not offered', async () => {
    const page = openAt(0, { versions: [116, 16, 15] });
    await chooseField(ctx(), 'apiVersion', '16');
    expect(page.state.version).toBe(16);
    await expect(chooseField(ctx(), 'apiVersion', '99')).rejects.toThrow(
      "API Version '99' is not offered on this page",
    );
  });

  it('picks a contact by email or whole name, never by a part of one', async () => {
    const page = openAt(1);
    await chooseField(ctx(), 'primaryContact', 'ben@acme.example');
    expect(page.state.contact).toBe('ben@acme.example');
    await chooseField(ctx(), 'primaryContact', 'aiko tanaka');
    expect(page.state.contact).toBe('aiko@acme.example');
    // "Aiko" is in two names and is neither: no substring picks a contact.
    await expect(chooseField(ctx(), 'primaryContact', 'Aiko')).rejects.toThrow(
      "Primary Contact 'Aiko' is not offered on this page",
    );
    expect(page.state.contact).toBe('aiko@acme.example');
    unmountAll();
    // Nor does a part of an email (the refusal above left its list open: a fresh page).
    openAt(1);
    await expect(chooseField(ctx(), 'primaryContact', 'acme.example')).rejects.toThrow(
      "Primary Contact 'acme.example' is not offered on this page",
    );
  });

  it('sets a native select through its setter and change event', async () => {
    const page = openAt(0, { nativeSelects: true });
    await chooseField(ctx(), 'apiVersion', '14');
    expect(page.state.version).toBe(14);
    const select = document.querySelector('select') as HTMLSelectElement;
    expect(select.value).toBe('14');
  });

  it('refuses when the control does not show the choice afterwards', async () => {
    document.body.innerHTML = `<span id="l">API Version</span>
      <button id="b" aria-haspopup="listbox" aria-labelledby="l b">Version 16</button>
      <div role="listbox"><div role="option">Version 15</div></div>`;
    const button = document.getElementById('b') as HTMLElement;
    await expect(
      chooseOption(
        button,
        {
          typed: '',
          match: () => [0],
          refuse: () => new Error('refused'),
          shows: () => /15/.test(button.textContent ?? ''),
        },
        { signal: new AbortController().signal, timeout: 50 },
      ),
    ).rejects.toThrow('the drop-down did not take the choice');
  });
});

describe('developer emails (tag input)', () => {
  it('types each address, presses Enter and waits for its tag', async () => {
    const page = openAt(1, { emailsLabel: 'Additional developer emails' });
    await setEmails(ctx(), ['dev@acme.example', 'ops@acme.example'], false);
    expect(page.state.emails).toEqual(['dev@acme.example', 'ops@acme.example']);
    expect(readEmails(ctx())).toEqual(['dev@acme.example', 'ops@acme.example']);
  });

  it('stops with the page’s own words when it refuses an address', async () => {
    openAt(1);
    await expect(setEmails(ctx(), ['not-an-email'], false)).rejects.toThrow(
      'Enter a valid email address.',
    );
  });

  it('removes tags that were not asked for when exact', async () => {
    const page = openAt(1);
    page.state.emails = ['old@acme.example', 'dev@acme.example'];
    page.render();
    await setEmails(ctx(), ['dev@acme.example'], true);
    expect(page.state.emails).toEqual(['dev@acme.example']);
  });

  it('works on the Japanese page', async () => {
    const page = openAt(1, { lang: 'ja' });
    await setEmails(ctx('ja'), ['dev@acme.example'], true);
    expect(page.state.emails).toEqual(['dev@acme.example']);
  });
});

describe('scope switches and checkboxes', () => {
  it('switches a category on, waits for its checkboxes, ticks a method inside it', async () => {
    const page = openAt(2);
    await setCategory(ctx(), 'Jobs', true);
    await setGrants(ctx(), methodScope('Jobs', ['POST']));
    expect(page.state.scopes).toEqual({ Jobs: ['POST'] });
    await setGrants(ctx(), methodScope('Jobs', ['GET']));
    expect(page.state.scopes).toEqual({ Jobs: ['GET'] });
    await setCategory(ctx(), 'Jobs', false);
    expect(page.state.scopes).toEqual({});
  });

  it('refuses a category or method the page does not offer', async () => {
    openAt(2);
    await expect(setCategory(ctx(), 'Catalogs', true)).rejects.toThrow(
      'Catalogs is not offered on this page',
    );
    await setCategory(ctx(), 'Reports', true);
    await expect(setGrants(ctx(), methodScope('Reports', ['DELETE']))).rejects.toThrow(
      'Reports DELETE is not offered on this page',
    );
    // The per-method page has no endpoint rows: a pinned endpoint is not offered either.
    await expect(
      setGrants(ctx(), {
        category: 'Reports',
        methods: [],
        endpoints: [{ method: 'GET', path: '/Mediapartners/{AccountSID}/Reports' }],
      }),
    ).rejects.toThrow(
      'Reports GET /Mediapartners/{AccountSID}/Reports is not offered on this page',
    );
  });

  it('finds translated category names on the Japanese page', async () => {
    const page = openAt(2, { lang: 'ja', translated: true });
    await setCategory(ctx('ja'), 'Jobs', true);
    await setGrants(ctx('ja'), methodScope('Jobs', ['GET']));
    expect(page.state.scopes).toEqual({ Jobs: ['GET'] });
  });
});
