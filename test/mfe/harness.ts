// Opens test/fixtures/mfe/main.html (a micro-frontend main app with the simulated host on its
// window) in an iframe: each test gets a fresh window, custom-element registry and framework.
import { expect, waitUntil } from '@open-wc/testing';
import { classicScript } from '../helpers.js';

export type SimulatedHostLike = {
  sent: unknown[];
  callCount(api?: string): number;
  switchChat(chat: number | string): void;
};

export type MainWindow = Window &
  typeof globalThis & {
    host: SimulatedHostLike;
    errors: string[];
    events: { type: string; tag: string }[];
  };

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/** The main app, loaded, with `scripts` (e.g. the framework's UMD build) run in order. */
export async function openMain(...scripts: string[]): Promise<MainWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/test/fixtures/mfe/main.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as MainWindow;
  for (const src of scripts) await classicScript(src, win.document);
  return win;
}


const deepQuery = (root: ParentNode, selector: string): Element | null => {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const el of [root, ...root.querySelectorAll('*')] as Element[]) {
    const inner = el.shadowRoot && el.shadowRoot !== root && deepQuery(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
};

/** The first `selector` inside `root`, also through open shadow roots (a strict-isolation wrapper's). */
export const find = <T extends Element = HTMLElement>(root: ParentNode, selector: string) =>
  deepQuery(root, selector) as T | null;

/** The chat name a `<juzi-chat-info>` inside `root` shows, or undefined while it shows none. */
export function shownChat(root: ParentNode): string | undefined {
  const info = find(root, 'juzi-chat-info');
  return info?.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim() || undefined;
}

/** Waits until the `<juzi-chat-info>` inside `root` shows `name`; a failure names what it shows and the page's errors. */
export async function waitForChat(root: ParentNode, name: string, win?: MainWindow): Promise<void> {
  try {
    await waitUntil(() => shownChat(root) === name, '', { timeout: 5000 });
  } catch {
    const errors = win?.errors.length ? `; page errors: ${win.errors.join(' | ')}` : '';
    const info = find(root, 'juzi-chat-info');
    const state = info ? `${info.constructor.name}, shadow: ${info.shadowRoot?.innerHTML.slice(0, 300)}` : 'no element';
    throw new Error(`expected the chat "${name}", shown: ${shownChat(root) ?? 'nothing'} (${state})${errors}`);
  }
}

/** The `<button>` inside the `<juzi-send-button>` under `root`, once rendered. */
export async function sendButton(root: ParentNode): Promise<HTMLButtonElement> {
  await waitUntil(() => find(root, 'juzi-send-button')?.shadowRoot?.querySelector('button'), 'the send button never rendered');
  return find(root, 'juzi-send-button')!.shadowRoot!.querySelector('button')!;
}

/** Computed values that make up a button's look. */
export const lookProperties = [
  'display',
  'color',
  'background-color',
  'border-top-width',
  'border-top-style',
  'border-top-left-radius',
  'padding-top',
  'padding-left',
  'font-size',
  'cursor',
];

export function look(el: Element): Record<string, string> {
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  return Object.fromEntries(lookProperties.map((p) => [p, style.getPropertyValue(p)]));
}

/** The look of a `<juzi-send-button>`'s button on a plain page that loads the classic bundle. */
export async function plainButtonLook(): Promise<Record<string, string>> {
  const plain = await openMain('/dist/juzi-elements.iife.js');
  plain.document.body.insertAdjacentHTML('beforeend', '<juzi-send-button content="你好"></juzi-send-button>');
  return look(await sendButton(plain.document.body));
}

/** Clicks the send button under `root`: the host gets the message, `juzi-sent` reaches the main document, the button looks as on a plain page, no page errors. */
export async function expectSendsLikeAPlainPage(win: MainWindow, root: ParentNode): Promise<void> {
  (await sendButton(root)).click();
  await waitUntil(() => win.events.some((e) => e.type === 'juzi-sent'), 'juzi-sent never reached the main document');
  expect(win.host.sent).to.deep.equal([{ msgtype: 'text', text: { content: '你好' } }]);
  expect(look(await sendButton(root))).to.deep.equal(await plainButtonLook());
  expect(win.errors).to.deep.equal([]);
}

/** Switches the host to chat `index` and waits until every root's `<juzi-chat-info>` shows `name`; no page errors. */
export async function expectAllFollow(win: MainWindow, roots: ParentNode[], index: number, name: string): Promise<void> {
  win.host.switchChat(index);
  await Promise.all(roots.map((root) => waitForChat(root, name, win)));
  expect(win.errors).to.deep.equal([]);
}
