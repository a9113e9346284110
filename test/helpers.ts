import { render } from 'lit';
import { JuziError, type HostCallback, type JuziHost } from '../src/bridge/index.js';

/** The JuziError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<JuziError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JuziError) return error;
    throw new Error(`expected a JuziError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** The page globals juzi-helper would set, for tests that stand in for it. */
export const page = globalThis as { wx?: unknown; juziWx?: unknown };

/** Removes what a test put in `wx` / `juziWx`. */
export function clearPageHosts(): void {
  delete page.wx;
  delete page.juziWx;
}

/** Runs a classic script in `doc`, as a legacy page's `<script src>` does. */
export function classicScript(src: string, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    doc.head.append(script);
  });
}

export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Renders a template into a new wrapper on the page and waits for its elements' first
 * render. Unlike open-wc's fixture() for a plain wrapper, it does not wait for an
 * animation frame, which a background test tab never paints.
 */
export async function mount(template: unknown): Promise<HTMLElement> {
  const wrapper = document.createElement('div');
  document.body.append(wrapper);
  mounted.push(wrapper);
  render(template, wrapper);
  const elements = [...wrapper.querySelectorAll('*')] as (Element & { updateComplete?: Promise<unknown> })[];
  await Promise.all(elements.map((el) => el.updateComplete));
  return wrapper;
}

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.remove()));

/** A host whose `invoke` call-backs the test answers by hand, whenever it likes (e.g. after a timeout). */
export function manualHost(): { host: JuziHost; pending: { api: string; answer: HostCallback }[] } {
  const pending: { api: string; answer: HostCallback }[] = [];
  const host: JuziHost = {
    isJuziWx: true,
    invoke(api, _params, answer) {
      pending.push({ api, answer });
    },
    getCurChatInfo() {},
    openEnterpriseChat() {},
    previewImage() {},
  };
  return { host, pending };
}
