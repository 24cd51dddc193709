// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../src/page/locales/en';
import { ja } from '../../../src/page/locales/ja';
import {
  getOne,
  LocatorError,
  nameOf,
  queryAll,
  roleOf,
  waitForOne,
} from '../../../src/page/locate';
import { isAny } from '../../../src/page/text';

afterEach(() => {
  document.body.innerHTML = '';
});

const html = (markup: string) => {
  document.body.innerHTML = markup;
  return document.body;
};

const signal = () => new AbortController().signal;

/** Four categories, each with its own "GET" checkbox: the README's ambiguity. */
const SCOPES = ['Reports', 'Jobs', 'Ads', 'Clicks']
  .map(
    (c, i) => `<div role="group" aria-labelledby="c${i}"><span id="c${i}">${c}</span>
      <button role="switch" aria-checked="true" aria-labelledby="c${i}"></button>
      <label><input type="checkbox">GET</label></div>`,
  )
  .join('');

describe('roles', () => {
  it('knows implicit roles of native elements, and explicit roles win', () => {
    html(`<button id="b">x</button><button id="s" role="switch">x</button><input id="t">
      <input id="e" type="email"><textarea id="ta"></textarea><input id="c" type="checkbox">
      <select id="sel"></select><input id="pw" type="password"><div id="d" role="dialog"></div>`);
    const role = (id: string) => roleOf(document.getElementById(id) as Element);
    expect(['b', 's', 't', 'e', 'ta', 'c', 'sel', 'pw', 'd'].map(role)).toEqual([
      'button',
      'switch',
      'textbox',
      'textbox',
      'textbox',
      'checkbox',
      'combobox',
      '',
      'dialog',
    ]);
  });
});

describe('accessible names', () => {
  it('reads aria-labelledby, aria-label, <label for>, wrapping labels and content', () => {
    html(`<span id="l1">Token</span><span id="l2">Name</span><input id="a" aria-labelledby="l1 l2">
      <input id="b" aria-label="Description">
      <label for="c">API <b>Version</b></label><select id="c"><option>Version 16</option></select>
      <label>Primary Contact <select id="d"><option>Aiko Tanaka</option></select></label>
      <button id="e"><span aria-hidden="true">+</span> Next <span hidden>secret</span></button>
      <fieldset id="f"><legend>Jobs</legend></fieldset>`);
    const name = (id: string) => nameOf(document.getElementById(id) as Element);
    expect(name('a')).toBe('Token Name');
    expect(name('b')).toBe('Description');
    expect(name('c')).toBe('API Version');
    // A wrapping label does not count the options of the select it wraps.
    expect(name('d')).toBe('Primary Contact');
    expect(name('e')).toBe('Next');
    expect(name('f')).toBe('Jobs');
  });

  it('joins every label of a field in page order, and only labels of that very field', () => {
    html(`<label for="t">Token</label>
      <label>Name <input id="t"></label>
      <label for="t">(required)</label>
      <label for="u">Other <input id="w"></label><input id="u">`);
    const name = (id: string) => nameOf(document.getElementById(id) as Element);
    expect(name('t')).toBe('Token Name (required)');
    // A label with for= labels its target, not the field it wraps.
    expect(name('w')).toBe('');
    expect(name('u')).toBe('Other');
  });

  it('reads labels without a live NodeList (each one slows every attribute change of the page)', () => {
    html(
      '<label for="n">Token Name</label><input id="n"><label>GET <input type="checkbox"></label>',
    );
    const labels = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'labels');
    let asked = 0;
    Object.defineProperty(HTMLInputElement.prototype, 'labels', {
      configurable: true,
      get() {
        asked++;
        return labels?.get?.call(this);
      },
    });
    try {
      for (const input of document.querySelectorAll('input')) nameOf(input);
      expect(nameOf(document.getElementById('n') as Element)).toBe('Token Name');
      expect(asked).toBe(0);
    } finally {
      if (labels) Object.defineProperty(HTMLInputElement.prototype, 'labels', labels);
    }
  });

  it('names a custom drop-down "<label> <shown value>" and still finds it by its label', () => {
    html(`<span id="vl">API Version</span>
      <button id="vb" aria-haspopup="listbox" aria-labelledby="vl vv"><span id="vv">Version 16 (Latest)</span></button>`);
    const button = document.getElementById('vb') as Element;
    expect(nameOf(button)).toBe('API Version Version 16 (Latest)');
    expect(getOne(document.body, 'button', en.apiVersion)).toBe(button);
  });
});

describe('queryAll / getOne', () => {
  it('finds by role and name, ignoring case, spacing and full-width forms', () => {
    html(`<label for="n">token  NAME</label><input id="n">
      <label for="v">ＡＰＩバージョン</label><select id="v"></select>`);
    expect(getOne(document.body, 'textbox', en.tokenName).id).toBe('n');
    expect(getOne(document.body, 'combobox', ja.apiVersion).id).toBe('v');
    expect(isAny('アクセストークンを作成', ja.opener)).toBe(true);
  });

  it('accepts any of the alternative developer-email labels', () => {
    for (const label of [...en.developerEmails, '開発者のメールアドレス', '追加の開発者メール']) {
      html(`<label for="m">${label}</label><input id="m">`);
      const names = label.match(/[a-z]/i) ? en.developerEmails : ja.developerEmails;
      expect(getOne(document.body, 'textbox', names).id).toBe('m');
    }
  });

  it('refuses a missing target, naming it', () => {
    html('<label for="x">Token Title</label><input id="x">');
    expect(() => getOne(document.body, 'textbox', en.tokenName)).toThrow(
      new LocatorError('Token Name (textbox) not found'),
    );
  });

  it('refuses an ambiguous target, naming it and the count', () => {
    html(SCOPES);
    expect(() => getOne(document.body, 'checkbox', ['GET'])).toThrow(
      'GET (checkbox) is ambiguous: 4 matches',
    );
    const jobs = getOne(document.body, 'group', ['Jobs']);
    expect(getOne(jobs, 'checkbox', ['GET']).closest('[role=group]')).toBe(jobs);
  });

  it('ignores hidden elements: hidden, display:none, aria-hidden ancestors', () => {
    html(`<button hidden>Next</button><div style="display:none"><button>Next</button></div>
      <div aria-hidden="true"><button>Next</button></div><button id="ok">Next</button>`);
    expect(queryAll(document.body, 'button', en.next).map((b) => b.id)).toEqual(['ok']);
  });

  it('looks only inside the container', () => {
    html(`<div role="dialog" aria-label="Create Access Token"><button>Create</button></div>
      <button>Create</button>`);
    const dialog = getOne(document.body, 'dialog', ['create access token']);
    expect(queryAll(dialog, 'button', en.create)).toHaveLength(1);
    expect(queryAll(document.body, 'button', en.create)).toHaveLength(2);
  });
});

describe('waitForOne', () => {
  it('resolves when the target appears later (no fixed sleep)', async () => {
    html('<div id="root"></div>');
    setTimeout(() => {
      (document.getElementById('root') as Element).innerHTML =
        '<label for="n">Token Name</label><input id="n">';
    }, 20);
    const started = performance.now();
    const found = await waitForOne(document.body, 'textbox', en.tokenName, { signal: signal() });
    expect(found.id).toBe('n');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('times out with the named refusal of that moment', async () => {
    html(SCOPES);
    await expect(
      waitForOne(document.body, 'checkbox', ['GET'], { signal: signal(), timeout: 30 }),
    ).rejects.toThrow('GET (checkbox) is ambiguous: 4 matches');
    await expect(
      waitForOne(document.body, 'textbox', en.tokenName, { signal: signal(), timeout: 30 }),
    ).rejects.toThrow('Token Name (textbox) not found');
  });

  it('stops waiting when its signal aborts', async () => {
    html('');
    const controller = new AbortController();
    const waiting = waitForOne(document.body, 'button', en.next, {
      signal: controller.signal,
      timeout: 10_000,
    });
    controller.abort(new Error('cancelled by test'));
    await expect(waiting).rejects.toThrow('cancelled by test');
  });
});
