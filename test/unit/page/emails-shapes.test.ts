// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readEmails, setEmails } from '../../../src/page/fields';
import { LOCALES } from '../../../src/page/locales';
import { makeCtx } from '../../../src/page/wizard';

// The developer-emails field in its public shapes, as plain DOM with the page's own handlers, so
// each test sees only what the page itself did with the driver's events.

const ctx = () => makeCtx(LOCALES.en, new AbortController().signal, 300);
const wizard = (inner: string) => {
  document.body.innerHTML = `<div role="dialog" aria-label="Create Access Token">
    <button aria-haspopup="listbox" aria-label="Primary Contact Aiko Tanaka <aiko@acme.example>">x</button>
    ${inner}</div>`;
};
const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('chips (React Select: a combobox, plain divs with Remove buttons)', () => {
  const mount = (emails: string[]) => {
    wizard(`<label for="box">Developer Emails</label><div id="chips"></div>
      <input id="box" role="combobox" aria-expanded="false">`);
    const render = () => {
      $('#chips').innerHTML = emails
        .map((e) => `<div><div>${e}</div><div role="button" aria-label="Remove ${e}">×</div></div>`)
        .join('');
      for (const b of document.querySelectorAll('#chips [role=button]'))
        b.addEventListener('click', () => {
          emails = emails.filter((e) => `Remove ${e}` !== b.getAttribute('aria-label'));
          render();
        });
    };
    render();
    $<HTMLInputElement>('#box').addEventListener('keydown', (e) => {
      const box = $<HTMLInputElement>('#box');
      if ((e as KeyboardEvent).key !== 'Enter' || !box.value) return;
      emails = [...emails, box.value];
      box.value = '';
      render();
    });
    return () => emails;
  };

  it('adds with Enter and reads the chips, not the contact drop-down', async () => {
    const emails = mount([]);
    await setEmails(ctx(), ['dev@acme.example', 'ops@acme.example'], false);
    expect(emails()).toEqual(['dev@acme.example', 'ops@acme.example']);
    expect(readEmails(ctx())).toEqual(['dev@acme.example', 'ops@acme.example']);
  });

  it('removes a chip that was not asked for when exact', async () => {
    const emails = mount(['old@acme.example']);
    await setEmails(ctx(), ['dev@acme.example'], true);
    expect(emails()).toEqual(['dev@acme.example']);
  });
});

describe('a list box (<input type=email multiple>)', () => {
  // (The browser's value sanitization of type=email multiple drops the spaces after commas.)
  it('writes the whole list, comma-separated, and reads it back', async () => {
    wizard(
      '<label for="box">Developer email addresses</label><input id="box" type="email" multiple>',
    );
    await setEmails(ctx(), ['dev@acme.example', 'ops@acme.example'], false);
    expect($<HTMLInputElement>('#box').value).toBe('dev@acme.example,ops@acme.example');
    expect(readEmails(ctx())).toEqual(['dev@acme.example', 'ops@acme.example']);
    await setEmails(ctx(), ['ops@acme.example'], true);
    expect($<HTMLInputElement>('#box').value).toBe('ops@acme.example');
  });

  it('stops in the page’s words when it refuses the list', async () => {
    wizard('<label for="box">Developer Emails</label><input id="box" type="email" multiple>');
    $('#box').addEventListener('blur', () => {
      $('#box').insertAdjacentHTML('afterend', '<p role="alert">Enter valid addresses.</p>');
    });
    await expect(setEmails(ctx(), ['dev@acme.example'], false)).rejects.toThrow(
      'Enter valid addresses.',
    );
  });
});

describe('rows ("Add email", one input per address)', () => {
  const mount = (values: string[]) => {
    wizard(`<div role="group" aria-labelledby="l"><span id="l">Developer Emails</span>
      <div id="rows"></div><button id="add">Add email</button></div>`);
    const render = () => {
      $('#rows').innerHTML = values
        .map((v, i) => `<input type="email" aria-label="Email ${i + 1}" value="${v}">`)
        .join('');
      document.querySelectorAll<HTMLInputElement>('#rows input').forEach((input, i) => {
        input.addEventListener('input', () => {
          values[i] = input.value;
        });
      });
    };
    render();
    $('#add').addEventListener('click', () => {
      values = [...values, ''];
      render();
    });
    return () => values.filter(Boolean);
  };

  it('adds a row per address and fills it', async () => {
    const values = mount([]);
    await setEmails(ctx(), ['dev@acme.example', 'ops@acme.example'], false);
    expect(values()).toEqual(['dev@acme.example', 'ops@acme.example']);
    expect(readEmails(ctx())).toEqual(['dev@acme.example', 'ops@acme.example']);
  });

  it('empties a row that was not asked for, reusing it, when exact', async () => {
    const values = mount(['old@acme.example']);
    await setEmails(ctx(), ['dev@acme.example'], true);
    expect(values()).toEqual(['dev@acme.example']);
    expect(document.querySelectorAll('#rows input')).toHaveLength(1);
  });

  it('stops naming the button when no Add email button exists', async () => {
    mount([]);
    $('#add').remove();
    await expect(setEmails(ctx(), ['dev@acme.example'], false)).rejects.toThrow(
      'Add email (button) not found',
    );
  });
});
