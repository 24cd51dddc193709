// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { chooseOption } from '../../../src/page/actions';
import { isContact } from '../../../src/page/fields';
import { LOCALES } from '../../../src/page/locales';
import { en } from '../../../src/page/locales/en';
import { ja } from '../../../src/page/locales/ja';
import { getOne, nameOf, queryAll } from '../../../src/page/locate';
import { isLabel } from '../../../src/page/text';
import { currentStep, makeCtx } from '../../../src/page/wizard';

// Issue 11: exact contact matching, label decorations, steps shown as tabs or headings, and
// the editable combobox (type to filter, then pick the one matching option).

/** Debounce timers of the editable combobox fixture, cleared between tests. */
const timers: ReturnType<typeof setTimeout>[] = [];

afterEach(() => {
  for (const t of timers) clearTimeout(t);
  document.body.innerHTML = '';
});

const html = (markup: string) => {
  document.body.innerHTML = markup;
  return document.body;
};

const signal = () => new AbortController().signal;

describe('exact contact matching', () => {
  const BEN = 'Ben Carter <ben.carter@acme-media.example>';
  it('an option is the contact when its email or its whole name equals the request', () => {
    expect(isContact(BEN, 'ben.carter@acme-media.example')).toBe(true);
    expect(isContact(BEN, 'BEN.CARTER@ACME-MEDIA.EXAMPLE')).toBe(true);
    expect(isContact(BEN, 'Ben Carter')).toBe(true);
    expect(isContact(BEN, '  ben   carter ')).toBe(true);
    expect(isContact('Chloé Dubois <chloe@acme.example>', 'chloé dubois')).toBe(true);
  });

  it('a part of the email or of the name is never the contact (the Carter case)', () => {
    expect(isContact(BEN, 'carter@acme-media.example')).toBe(false);
    expect(isContact(BEN, 'Carter')).toBe(false);
    expect(isContact(BEN, 'Ben')).toBe(false);
    expect(isContact(BEN, 'acme-media.example')).toBe(false);
    expect(isContact(BEN, 'ben.carter@acme-media')).toBe(false);
    expect(isContact('Carter Reyes <carter@acme-media.example>', 'carter@acme-media.example')).toBe(
      true,
    );
  });

  it('a request of name and email must match both', () => {
    expect(isContact(BEN, 'Ben Carter <ben.carter@acme-media.example>')).toBe(true);
    expect(isContact(BEN, 'Ben Carter <carter@acme-media.example>')).toBe(false);
    expect(isContact(BEN, 'Ben Carte <ben.carter@acme-media.example>')).toBe(false);
  });

  it('works for options that show only a name or only an email', () => {
    expect(isContact('Ben Carter', 'ben carter')).toBe(true);
    expect(isContact('ben.carter@acme-media.example', 'ben.carter@acme-media.example')).toBe(true);
    expect(isContact('ben.carter@acme-media.example', 'carter@acme-media.example')).toBe(false);
    expect(isContact('ben.carter@acme-media.example', 'Ben Carter')).toBe(false);
    expect(isContact('Ben Carter', 'ben.carter@acme-media.example')).toBe(false);
  });
});

describe('label decorations', () => {
  const deco = [...en.decorations, ...ja.decorations];
  it('accepts the label with only decorations a person reads past', () => {
    for (const label of [
      'Description',
      'Description (optional)',
      'Description (Optional):',
      '* Token Name',
      'Token Name *',
      'Token Name:',
      'Token Name *:',
    ])
      expect(isLabel(label, ['Description', 'Token Name'], deco), label).toBe(true);
    expect(isLabel('説明（任意）', ['説明'], deco)).toBe(true);
    expect(isLabel('トークン名：', ['トークン名'], deco)).toBe(true);
  });

  it('never a different word', () => {
    for (const label of [
      'Description details',
      'Descriptions',
      'Description (internal)',
      'Old Token Name',
      'Token',
    ])
      expect(isLabel(label, ['Description', 'Token Name'], deco), label).toBe(false);
  });

  it('finds controls through decorated labels of every kind, and a hint inside the label', () => {
    html(`<label for="n">Token Name *</label><input id="n">
      <label>Description (optional) <textarea>typed text</textarea></label>
      <label for="e">Developer Emails <span id="h">Press Enter after each</span></label>
      <input id="e" aria-describedby="h">
      <span id="v">API Version:</span><button id="vb" aria-haspopup="listbox"
        aria-labelledby="v vb">Version 16</button>
      <input id="a" aria-label="Account (optional)">`);
    const id = (role: string, names: string[]) => getOne(document, role, names).id;
    expect(id('textbox', en.tokenName)).toBe('n');
    expect(getOne(document, 'textbox', en.description).localName).toBe('textarea');
    expect(id('textbox', en.developerEmails)).toBe('e');
    expect(id('button', en.apiVersion)).toBe('vb');
    expect(id('textbox', en.account)).toBe('a');
    expect(queryAll(document, 'textbox', ['Descriptions'])).toEqual([]);
  });
});

describe('names', () => {
  it('an icon (role=img) is not part of a button name; aria-hidden icons never were', () => {
    html(`<button id="b"><span role="img" aria-label="left"><svg></svg></span>Back</button>
      <button id="n">Next<svg aria-hidden="true"></svg></button>`);
    expect(nameOf(document.getElementById('b') as Element)).toBe('Back');
    expect(getOne(document, 'button', en.next).id).toBe('n');
  });
});

describe('current step', () => {
  const ctx = () => makeCtx(LOCALES.en, signal());
  const dialog = (inner: string) =>
    html(`<div role="dialog" aria-label="Create Access Token">${inner}</div>`);

  it('reads aria-current="step" first', () => {
    dialog(`<ol><li>Setup</li><li aria-current="step">Contact Information</li></ol>
      <h3>Setup</h3>`);
    expect(currentStep(ctx())).toBe('contact');
  });

  it('reads the selected tab of a tablist indicator', () => {
    dialog(`<div role="tablist"><div role="tab" aria-selected="false">Setup</div>
      <div role="tab" aria-selected="true">API Scopes</div></div>`);
    expect(currentStep(ctx())).toBe('scopes');
  });

  it('else the one heading that is exactly a step name', () => {
    dialog(`<h2>Create Access Token</h2><ol><li>Setup</li><li>Create</li></ol><h3>Create</h3>`);
    expect(currentStep(ctx())).toBe('create');
    dialog(`<h2>Create Access Token</h2><h3>Setup</h3><h3>Create</h3>`);
    expect(currentStep(ctx())).toBeUndefined();
  });
});

/**
 * An editable combobox like MUI Autocomplete: typing opens a list portalled to body, filtered
 * after a debounce (the stale list stays meanwhile); a click on an option chooses it.
 */
function editableCombobox(users: string[], debounceMs = 30) {
  html(`<label for="c">Primary Contact</label>
    <input id="c" role="combobox" aria-expanded="false" aria-controls="list">`);
  const input = document.getElementById('c') as HTMLInputElement;
  const state = { chosen: '' };
  const render = (typed: string) => {
    document.getElementById('list')?.remove();
    const list = document.createElement('div');
    list.id = 'list';
    list.setAttribute('role', 'listbox');
    for (const u of users.filter((u) => u.toLowerCase().includes(typed.toLowerCase()))) {
      const option = document.createElement('div');
      option.setAttribute('role', 'option');
      option.textContent = u;
      option.addEventListener('click', () => {
        state.chosen = u;
        input.value = u;
        list.remove();
      });
      list.append(option);
    }
    document.body.append(list);
  };
  input.addEventListener('input', () => {
    if (!document.getElementById('list')) render('');
    for (const t of timers) clearTimeout(t);
    timers.push(setTimeout(() => render(input.value), debounceMs));
  });
  return { input, state };
}

describe('editable combobox', () => {
  const USERS = [
    'Aiko Tanaka <aiko.tanaka@acme-media.example>',
    'Ben Carter <ben.carter@acme-media.example>',
  ];
  // As fields.ts does: the request less its last character, so typing alone never reads as chosen.
  const choose = (input: HTMLInputElement, want: string, timeout = 1000) =>
    chooseOption(
      input,
      {
        typed: want.slice(0, -1),
        match: (names) => names.flatMap((n, i) => (isContact(n, want) ? [i] : [])),
        refuse: (hits) => new Error(hits ? 'several' : `'${want}' is not offered`),
        shows: () => isContact(input.value, want),
      },
      { signal: signal(), timeout },
    );

  it('types the wanted value and picks the one exact option of the filtered list', async () => {
    const { input, state } = editableCombobox([
      ...USERS,
      'Carter Reyes <carter@acme-media.example>',
    ]);
    await choose(input, 'carter@acme-media.example');
    expect(state.chosen).toBe('Carter Reyes <carter@acme-media.example>');
  });

  it('refuses once the list is filtered without the wanted one, never picking a near miss', async () => {
    const { input, state } = editableCombobox(USERS);
    const started = Date.now();
    await expect(choose(input, 'carter@acme-media.example', 2000)).rejects.toThrow(
      "'carter@acme-media.example' is not offered",
    );
    // It did not wait for the timeout: the filtered list (Ben Carter only) was final.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(state.chosen).toBe('');
  });

  it('what was typed is never taken for the choice', async () => {
    // A list that never opens: the input only ever holds the typed text.
    html('<label for="c">Primary Contact</label><input id="c" role="combobox">');
    const input = document.getElementById('c') as HTMLInputElement;
    await expect(choose(input, 'ben.carter@acme-media.example', 100)).rejects.toThrow(
      'is not offered',
    );
    expect(isContact(input.value, 'ben.carter@acme-media.example')).toBe(false);
  });
});
