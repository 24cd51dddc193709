import type { Frame, Page } from 'puppeteer-core';

/**
 * The launcher's shadow root is closed, so page scripts (and puppeteer's own `>>>` and `pierce/`
 * selectors, which run as page scripts) cannot reach into it. A test tool still can, through the
 * browser's automation protocol, as DevTools does: CDP's DOM domain with `pierce` in Chromium,
 * WebDriver BiDi's `includeShadowTree: "all"` serialization in Firefox. These helpers give the
 * tests the root, the launcher button (to click like a person, with the mouse) and the panel frame.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { result: BidiValue } }>;
}
interface BidiValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}
interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  frameId?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const HOST = 'impact-token-helper';

/** Puppeteer drives Firefox over WebDriver BiDi, whose frames carry a browsing context. */
const isFirefox = (page: Page): boolean =>
  typeof (page.mainFrame() as unknown as { browsingContext?: unknown }).browsingContext ===
  'object';

const contextOf = (frame: Frame): string =>
  (frame as unknown as { browsingContext: { id: string } }).browsingContext.id;

/** script.callFunction in the page's main frame; the function's result as a BiDi RemoteValue. */
async function bidiCall(page: Page, params: object): Promise<BidiValue> {
  const { connection } = page.browser() as unknown as { connection: BidiConnection };
  const answer = await connection.send('script.callFunction', {
    target: { context: contextOf(page.mainFrame()) },
    awaitPromise: true,
    ...params,
  });
  return answer.result.result;
}

/** The closed root, as a BiDi shared reference (Firefox); undefined while there is no launcher. */
async function bidiRoot(page: Page): Promise<BidiValue | undefined> {
  const result = await bidiCall(page, {
    functionDeclaration: `() => document.querySelector(${JSON.stringify(HOST)})`,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const shadowRoot = (result.value as { shadowRoot?: BidiValue } | undefined)?.shadowRoot;
  return shadowRoot?.sharedId ? shadowRoot : undefined;
}

/** The closed root's backend node (Chromium). */
async function cdpRoot(page: Page): Promise<{ rootId: number; iframe?: CdpNode } | undefined> {
  const client = await page.createCDPSession();
  try {
    const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const find = (node: CdpNode): CdpNode | undefined => {
      if (node.nodeName.toLowerCase() === HOST) return node;
      for (const child of node.children ?? []) {
        const hit = find(child);
        if (hit) return hit;
      }
      return undefined;
    };
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const iframe = shadow.children?.find((c) => c.nodeName === 'IFRAME');
    return { rootId: shadow.backendNodeId, ...(iframe ? { iframe } : {}) };
  } finally {
    await client.detach();
  }
}

/**
 * Runs `fn` on the launcher's closed shadow root, in the page; its result comes back as JSON.
 * Undefined when the launcher is not there.
 */
export async function inLauncherRoot<T extends Json>(
  page: Page,
  fn: (root: ShadowRoot) => T,
): Promise<T | undefined> {
  const source = `(root) => JSON.stringify((${fn.toString()})(root))`;
  if (isFirefox(page)) {
    const root = await bidiRoot(page);
    if (!root) return undefined;
    const result = await bidiCall(page, {
      functionDeclaration: source,
      arguments: [{ sharedId: root.sharedId }],
    });
    return JSON.parse(String(result.value)) as T;
  }
  const found = await cdpRoot(page);
  if (!found) return undefined;
  const client = await page.createCDPSession();
  try {
    const { object } = (await client.send('DOM.resolveNode', {
      backendNodeId: found.rootId,
    })) as { object: { objectId: string } };
    const { result } = (await client.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${source})(this); }`,
      returnByValue: true,
    })) as { result: { value: string } };
    return JSON.parse(result.value) as T;
  } finally {
    await client.detach();
  }
}

export interface LauncherState {
  /** The button's centre, in page coordinates. */
  x: number;
  y: number;
  label: string;
  expanded: boolean;
  panelShown: boolean;
  panelWidth: number;
  panelHeight: number;
}

/** What a person sees of the launcher: its button and whether the panel is open. */
export const launcherState = (page: Page): Promise<LauncherState | undefined> =>
  inLauncherRoot(page, (root) => {
    const button = root.querySelector('button');
    // The panel's frame is made on first open: before that there is none.
    const frame = root.querySelector('iframe');
    if (!button) return null;
    const b = button.getBoundingClientRect();
    const f = frame?.getBoundingClientRect();
    return {
      x: b.left + b.width / 2,
      y: b.top + b.height / 2,
      label: button.textContent ?? '',
      expanded: button.getAttribute('aria-expanded') === 'true',
      panelShown: !!frame && !frame.hidden,
      panelWidth: Math.round(f?.width ?? 0),
      panelHeight: Math.round(f?.height ?? 0),
    };
  }).then((state) => state ?? undefined);

/** Waits for the launcher button (optionally with a given label). */
export async function waitForLauncher(
  page: Page,
  { timeout = 15_000, label }: { timeout?: number; label?: string } = {},
): Promise<LauncherState> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await launcherState(page).catch(() => undefined);
    if (state && (label === undefined || state.label === label)) return state;
    if (Date.now() > deadline)
      throw new Error(
        `the launcher did not appear${state ? ` as “${label}” (it reads “${state.label}”)` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Clicks the launcher button with the mouse, as a person would. */
export async function clickLauncher(page: Page, label?: string): Promise<void> {
  const { x, y } = await waitForLauncher(page, label === undefined ? {} : { label });
  await page.mouse.click(x, y);
}

/** The panel's frame (the helper page in the launcher's iframe), once the launcher made one. */
export async function launcherFrame(page: Page): Promise<Frame | undefined> {
  if (isFirefox(page)) {
    const root = await bidiRoot(page);
    if (!root) return undefined;
    const result = await bidiCall(page, {
      functionDeclaration: '(root) => root.querySelector("iframe")?.contentWindow ?? null',
      arguments: [{ sharedId: root.sharedId }],
    });
    const id = (result.value as { context?: string } | undefined)?.context;
    return page.frames().find((f) => contextOf(f) === id);
  }
  const frameId = (await cdpRoot(page))?.iframe?.frameId;
  return page.frames().find((f) => (f as unknown as { _id: string })._id === frameId);
}
