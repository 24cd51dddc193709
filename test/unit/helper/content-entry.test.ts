// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.impact.com/secure/mediapartner/accountSettings/mp-wsapi-flow.ihtml?execution=e1s1"}
import '../fakes/install';
import { afterEach, describe, expect, it } from 'vitest';
import { isPanelOpen, unmountLauncher } from '../../../src/content/launcher';
import { fakeBrowser, resetFakeBrowser } from '../fakes/browser';

afterEach(() => unmountLauncher());

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the content script on the API page', () => {
  it('shows the launcher before the background answers, and opens the panel once it says so', async () => {
    resetFakeBrowser();
    // The background is slow to answer pageDetected (a service worker waking up).
    let answer: (value: unknown) => void = () => {};
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      (message as { type?: string }).type === 'pageDetected'
        ? new Promise((resolve) => {
            answer = resolve;
          })
        : undefined,
    );
    document.body.innerHTML = '<main><h1>API</h1><button>Create Access Token</button></main>';
    await import('../../../src/content/index');
    await settle();

    expect(document.querySelector('impact-token-helper')).not.toBeNull();
    expect(isPanelOpen()).toBe(false);

    answer({ openAutomatically: true });
    await settle();
    expect(isPanelOpen()).toBe(true);
  });
});
