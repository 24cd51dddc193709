// @vitest-environment happy-dom
import '../fakes/install';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/helper/app';
import { pageContacts } from '../../../src/helper/token-form';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';
import { installFakePage } from '../fakes/page';
import { startNewPreset } from './views';

const TAB = 7;
const PEOPLE = [
  { name: 'Aiko Tanaka', email: 'aiko@acme.example' },
  { name: 'Ben Ode', email: 'ben@acme.example' },
];

function open(contacts?: unknown) {
  installFakePage(fakeBrowser, TAB, {
    info: { detected: true, kind: 'partner', locale: 'en', ...(contacts ? { contacts } : {}) },
  } as Parameters<typeof installFakePage>[2]);
  return render(<App search="" />);
}

beforeEach(() => {
  resetFakeBrowser();
  fakeBrowser.tabs.list = [{ id: TAB, active: true }];
});
afterEach(cleanup);

describe('primary contact from the page', () => {
  it("offers the page's people by name and email, and stores the email picked", async () => {
    open(PEOPLE);
    await startNewPreset();
    const box = (await screen.findByRole('combobox', {
      name: 'Primary contact',
    })) as HTMLInputElement;
    const list = document.getElementById(box.getAttribute('list') ?? '');
    const options = [...(list?.querySelectorAll('option') ?? [])].map((o) => [
      o.value,
      o.getAttribute('label'),
    ]);
    expect(options).toEqual([
      ['aiko@acme.example', 'Aiko Tanaka'],
      ['ben@acme.example', 'Ben Ode'],
    ]);
    fireEvent.input(box, { target: { value: 'ben@acme.example' } });
    expect(box.value).toBe('ben@acme.example');
  });

  it('keeps a free-text box when the page has not shown its list', async () => {
    open();
    await startNewPreset();
    const box = await screen.findByRole('textbox', { name: 'Primary contact' });
    expect(box.getAttribute('list')).toBeNull();
    expect(document.querySelector('datalist')).toBeNull();
  });

  it('drops malformed and repeated entries the page info may carry', () => {
    const contacts = [
      ...PEOPLE,
      { name: 'Again', email: 'ben@acme.example' },
      { name: 3, email: 'x@acme.example' },
      null,
    ];
    expect(pageContacts({ detected: true, contacts } as never)).toEqual(PEOPLE);
  });
});
