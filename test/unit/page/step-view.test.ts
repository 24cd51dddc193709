// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../../src/page/locales/en';
import { readCategories } from '../../../src/page/page-scopes';
import { makeCtx } from '../../../src/page/wizard';

/**
 * The scopes step's categories, regions and rows are kept between looks until the page changes
 * them (page-scopes.ts, StepView). Every change the page makes must be seen at the very next
 * look, synchronously, as a click's re-render is.
 */

afterEach(() => {
  document.body.innerHTML = '';
});

const card = (name: string, rows: string[]) =>
  `<div role="group" aria-labelledby="n-${name}"><span id="n-${name}">${name}</span>
    <button type="button" role="switch" aria-checked="true" aria-labelledby="n-${name}"></button>
    <ul>${rows.map((r) => `<li><label><input type="checkbox"> ${r}</label></li>`).join('')}</ul></div>`;

function mount(): ReturnType<typeof makeCtx> {
  document.body.innerHTML = `<div role="dialog" aria-label="Create Access Token"><div id="grid">
    ${card('Ads', ['GET /Ads', 'POST /Ads'])}${card('Jobs', ['GET /Jobs'])}</div></div>`;
  return makeCtx(en, new AbortController().signal);
}

const seen = (c: ReturnType<typeof makeCtx>) =>
  readCategories(c).map(
    (s) => `${s.category.name}: ${s.rows.map((r) => `${r.method} ${r.path}`).join(', ')}`,
  );

describe('the scopes step view', () => {
  it('sees a row the page added to one category at the next look', () => {
    const c = mount();
    expect(seen(c)).toEqual(['Ads: GET /Ads, POST /Ads', 'Jobs: GET /Jobs']);
    document
      .querySelectorAll('ul')[1]
      ?.insertAdjacentHTML(
        'beforeend',
        '<li><label><input type="checkbox"> PUT /Jobs/{id}</label></li>',
      );
    expect(seen(c)).toEqual(['Ads: GET /Ads, POST /Ads', 'Jobs: GET /Jobs, PUT /Jobs/{id}']);
  });

  it('follows the page to a new wizard when it hides the one it read and shows another', () => {
    const c = mount();
    expect(seen(c)).toHaveLength(2);
    const old = document.querySelector('[role=dialog]') as Element;
    // Some design systems keep a closed dialog mounted and render the next one beside it.
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div role="dialog" aria-label="Create Access Token">${card('Reports', ['GET /Reports'])}</div>`,
    );
    old.setAttribute('hidden', '');
    expect(seen(c)).toEqual(['Reports: GET /Reports']);
    // …and keeps seeing the page's changes there.
    document
      .querySelectorAll('ul')[2]
      ?.insertAdjacentHTML(
        'beforeend',
        '<li><label><input type="checkbox"> POST /Reports</label></li>',
      );
    expect(seen(c)).toEqual(['Reports: GET /Reports, POST /Reports']);
  });

  it('sees a row whose text the page changed', () => {
    const c = mount();
    seen(c);
    const label = document.querySelector('label') as Element;
    (label.lastChild as Text).data = ' DELETE /Ads';
    expect(seen(c)[0]).toBe('Ads: DELETE /Ads, POST /Ads');
  });

  it('sees a category the page added, and one it renamed', () => {
    const c = mount();
    seen(c);
    document.getElementById('grid')?.insertAdjacentHTML('beforeend', card('Reports', ['GET /R']));
    expect(seen(c)).toHaveLength(3);
    (document.getElementById('n-Ads') as Element).textContent = 'Campaigns';
    expect(seen(c)[0]).toBe('Campaigns: GET /Ads, POST /Ads');
  });

  it('sees a step rebuilt from scratch', () => {
    const c = mount();
    seen(c);
    (document.getElementById('grid') as Element).innerHTML = card('Actions', ['GET /Actions']);
    expect(seen(c)).toEqual(['Actions: GET /Actions']);
  });
});
