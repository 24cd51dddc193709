// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.impact.com/secure/mediapartner/home/pview.ihtml"}
import { afterEach, describe, expect, it } from 'vitest';
import {
  accountKind,
  detectionStats,
  detectLocale,
  watchForApiPage,
} from '../../../src/page/detect';

const PARTNER = '/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml';
const BRAND = '/secure/advertiser/accountSettings/techintegration/adv-wsapi-table-flow.ihtml';

const g = globalThis as { navigation?: EventTarget };

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  delete g.navigation;
  history.replaceState(null, '', '/secure/mediapartner/home/pview.ihtml');
});

/** Resolves after pending microtasks and MutationObserver callbacks. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('accountKind', () => {
  it('matches host + path prefix, whatever query or hash follows', () => {
    const at = (url: string) => accountKind(new URL(url));
    expect(at(`https://app.impact.com${PARTNER}?execution=e3s1#/create`)).toBe('partner');
    expect(at(`https://member.impactradius.com${PARTNER}`)).toBe('partner');
    expect(at(`https://app.impact.com${BRAND}?execution=e1s2`)).toBe('brand');
  });

  it('refuses other hosts, other paths and the brand path on the older host', () => {
    const at = (url: string) => accountKind(new URL(url));
    expect(at(`https://evil.example${PARTNER}`)).toBeUndefined();
    expect(at('https://app.impact.com/secure/mediapartner/home/pview.ihtml')).toBeUndefined();
    expect(at(`https://member.impactradius.com${BRAND}`)).toBeUndefined();
  });
});

describe('detectLocale', () => {
  it('reads <html lang> first', () => {
    document.documentElement.lang = 'ja-JP';
    expect(detectLocale()).toBe('ja');
    document.documentElement.lang = 'en-US';
    expect(detectLocale()).toBe('en');
  });

  it('falls back to which locale’s strings the page shows, else English', () => {
    expect(detectLocale()).toBe('en');
    document.body.innerHTML = '<button>アクセストークンを作成</button>';
    expect(detectLocale()).toBe('ja');
  });
});

describe('watchForApiPage', () => {
  const watch = () => {
    const changes: boolean[] = [];
    const controller = new AbortController();
    watchForApiPage(controller.signal, (d) => changes.push(d));
    return { changes, stop: () => controller.abort() };
  };

  it('with the Navigation API: path check per navigation, content confirms, leaving un-detects', async () => {
    const navigation = new EventTarget();
    g.navigation = navigation;
    const navigate = async (path: string) => {
      history.pushState(null, '', path);
      navigation.dispatchEvent(new Event('navigatesuccess'));
      await settle();
    };
    const { changes, stop } = watch();

    // A non-API page: DOM churn costs nothing (nothing observes it).
    const before = detectionStats().callbacks;
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
    await settle();
    expect(detectionStats().callbacks).toBe(before);

    await navigate(PARTNER);
    expect(changes).toEqual([]); // the path alone is not enough
    document.body.innerHTML = '<main><button>Create Access Token</button></main>';
    await settle();
    expect(changes).toEqual([true]);

    // Confirmed: the content observer is gone, so more churn costs nothing.
    const confirmed = detectionStats().callbacks;
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('div'));
    await settle();
    expect(detectionStats().callbacks).toBe(confirmed);

    await navigate(`${PARTNER}#/create`); // a hash route on the same page changes nothing
    expect(changes).toEqual([true]);
    await navigate('/secure/mediapartner/home/pview.ihtml');
    expect(changes).toEqual([true, false]);
    stop();
  });

  it('without the Navigation API: a MutationObserver that compares the path', async () => {
    const { changes, stop } = watch();
    history.pushState(null, '', BRAND);
    document.body.innerHTML = '<button>Create access token</button>';
    await settle();
    expect(changes).toEqual([true]);
    stop();
    history.pushState(null, '', '/secure/advertiser/home/pview.ihtml');
    document.body.innerHTML = '<p>elsewhere</p>';
    await settle();
    expect(changes).toEqual([true]); // stopped: no more reports
  });

  it('confirms an already open wizard as the API page too', async () => {
    history.replaceState(null, '', PARTNER);
    document.body.innerHTML =
      '<div role="dialog" aria-labelledby="t"><h2 id="t">アクセス トークンを作成</h2></div>';
    const { changes, stop } = watch();
    expect(changes).toEqual([true]);
    stop();
  });
});
