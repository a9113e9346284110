import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { createBridge, type JuziBridge } from '../../src/bridge/index.js';
import { STATE_STORAGE_KEY, type JuziAuth } from '../../src/components/auth/auth.js';
import '../../src/define/auth.js';
import { createSimulatedHost, type SimulatedHost } from '../../src/dev/index.js';
import { seedUserInfo } from '../../src/dev/region-server.js';
import type { JuziEventMap } from '../../src/events.js';
import { EXCHANGES_KEY } from '../../src/oauth/exchanges.js';
import { fetchUserInfo, type UserInfo } from '../../src/oauth/index.js';
import { mount, rejection, tick } from '../helpers.js';
import { button, label, once, settled, spinner, status } from './action-helpers.js';

/** The region stand-in web-test-runner serves (see web-test-runner.config.mjs). */
const region = `${location.origin}/region`;
const seedAnswer = { errcode: 0, errmsg: '', data: seedUserInfo };
const home = location.href;
const homeState: unknown = history.state;

const part = (el: JuziAuth, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const shown = (node: Element | null) => node !== null && getComputedStyle(node).display !== 'none';

/**
 * A stub of the region's getUserInfo answering `body` (JSON unless a string). It notes
 * the address bar at each call, to show the code had left it before the exchange.
 */
function regionAnswering(body: unknown) {
  const addressAtCall: string[] = [];
  const fetch = sinon.fake(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    addressAtCall.push(location.href);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return { fetch, addressAtCall, asked: () => fetch.getCalls().map((call) => String(call.args[0])) };
}

/** A `navigate` stand-in: `left` resolves with the URL the element sent the agent to. */
function leaving() {
  const urls: string[] = [];
  let resolve!: (url: URL) => void;
  const left = new Promise<URL>((r) => (resolve = r));
  const navigate = (url: string) => {
    urls.push(url);
    resolve(new URL(url));
  };
  return { navigate, left, urls };
}

/** Where the region sends the agent back: `redirect` plus code and state. */
function callbackUrl(code: string, state: string, redirect = home): string {
  const url = new URL(redirect);
  url.searchParams.set('code', code);
  url.searchParams.set('state', state);
  return url.href;
}

/**
 * Coming back from the region is a new page load: a fresh globalThis (no exchanges
 * yet) at the callback URL, with what the tab's sessionStorage kept.
 */
function comeBack(url: string, keptState?: string): void {
  delete (globalThis as Record<symbol, unknown>)[EXCHANGES_KEY];
  history.replaceState(null, '', url);
  if (keptState !== undefined) sessionStorage.setItem(STATE_STORAGE_KEY, keptState);
}

/** Makes `document.visibilityState` what the test says; `set` changes it and fires visibilitychange. */
function pageVisibility(initial: DocumentVisibilityState) {
  let value = initial;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
  return {
    set(next: DocumentVisibilityState) {
      value = next;
      document.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

/** Records every `juzi-error` that reaches the document until the test ends. */
function errorsSeen() {
  const seen: string[] = [];
  const on = (event: JuziEventMap['juzi-error']) => seen.push(event.detail.error.code);
  document.addEventListener('juzi-error', on);
  stopListening.push(() => document.removeEventListener('juzi-error', on));
  return seen;
}
const stopListening: (() => void)[] = [];

/** Resolves with the first `count` events of `name` that reach the document. */
function collect<K extends keyof JuziEventMap>(name: K, count: number): Promise<JuziEventMap[K][]> {
  const seen: JuziEventMap[K][] = [];
  return new Promise((resolve) => {
    const on = (event: JuziEventMap[K]) => {
      seen.push(event);
      if (seen.length < count) return;
      document.removeEventListener(name, on);
      resolve(seen);
    };
    document.addEventListener(name, on);
  });
}

describe('<juzi-auth>', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;

  beforeEach(() => {
    host = createSimulatedHost({ authCode: () => 'sidebar-code-1' });
    bridge = createBridge({ host, timeout: 500 });
  });

  afterEach(() => {
    sinon.restore();
    delete (document as { visibilityState?: unknown }).visibilityState;
    stopListening.splice(0).forEach((stop) => stop());
    history.replaceState(homeState, '', home);
    sessionStorage.removeItem(STATE_STORAGE_KEY);
    delete (globalThis as Record<symbol, unknown>)[EXCHANGES_KEY];
  });

  describe('accessibility', () => {
    it('is accessible when signed out', async () => {
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region}></juzi-auth>`);
      expect(el.status).to.equal('signed-out');
      await expect(el).to.be.accessible();
    });

    it('is accessible while signing in', async () => {
      bridge.configure({ timeout: 5000 }); // long enough for axe to run while the host is asked
      host.setFault('sidebarAuth', { kind: 'never' });
      const el = await fixture<JuziAuth>(html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge}></juzi-auth>`);
      button(el).click();
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
      expect(button(el).getAttribute('aria-busy')).to.equal('true');
      expect(label(el)).to.equal('正在登录…');
      await expect(el).to.be.accessible();
    });

    it('is accessible when signed in', async () => {
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      await el.signIn();
      await el.updateComplete;
      expect(el.status).to.equal('signed-in');
      await expect(el).to.be.accessible();
    });

    it('is accessible after an error', async () => {
      const { fetch } = regionAnswering({ errcode: -2, errmsg: 'code expired' });
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      await rejection(el.signIn());
      await el.updateComplete;
      expect(el.status).to.equal('error');
      await expect(el).to.be.accessible();
    });

    it('signs in with Enter, moves focus to the signed-in view, and announces who signed in', async () => {
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      button(el).focus();
      const success = once(el, 'juzi-auth-success');
      await sendKeys({ press: 'Enter' });
      await success;
      await el.updateComplete;
      expect(shown(button(el))).to.be.false;
      expect(shown(part(el, 'user'))).to.be.true;
      // Compared by name: chai's message for a failed element comparison can hang the runner.
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('user');
      expect(status(el).textContent!.trim()).to.equal('已登录：句子');
    });
  });

  describe('attributes', () => {
    it('shows 登录 by default, Sign in with lang="en", and a slotted label instead of either', async () => {
      const zh = await fixture<JuziAuth>(html`<juzi-auth region-url=${region}></juzi-auth>`);
      const en = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} lang="en"></juzi-auth>`);
      const own = await fixture<JuziAuth>(html`<juzi-auth region-url=${region}>用企业微信登录</juzi-auth>`);
      expect([label(zh), label(en), label(own)]).to.deep.equal(['登录', 'Sign in', '用企业微信登录']);
    });

    it('sends the agent to the region with this page as redirect_uri and a fresh state kept for the callback', async () => {
      const page = `${home}${home.includes('?') ? '&' : '?'}tab=a`;
      history.replaceState(null, '', `${page}#section`);
      const { navigate, left } = leaving();
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${navigate}></juzi-auth>`);
      button(el).click();
      const url = await left;
      expect(`${url.origin}${url.pathname}`).to.equal(`${region}/oauth/connect/authorize`);
      // The fragment stays behind: a redirect URI must not carry one.
      expect(url.searchParams.get('redirect_uri')).to.equal(page);
      const state = url.searchParams.get('state')!;
      expect(state).to.match(/^[A-Za-z0-9]{32}$/);
      expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(state);
      expect(await el.signIn()).to.equal(undefined); // joins the click's sign-in, which ends as the page leaves
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
      expect(el.busy).to.be.true;
      expect(status(el).textContent!.trim()).to.equal('正在前往登录页…');
    });

    it('uses a fresh state for every sign-in', async () => {
      const first = leaving();
      const second = leaving();
      const a = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${first.navigate}></juzi-auth>`);
      const b = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${second.navigate}></juzi-auth>`);
      button(a).click();
      button(b).click();
      const [one, two] = await Promise.all([first.left, second.left]);
      expect(one.searchParams.get('state')).not.to.equal(two.searchParams.get('state'));
    });

    it('sends redirect-uri when set, and takes a region-url with a trailing slash', async () => {
      const { navigate, left } = leaving();
      const el = await fixture<JuziAuth>(
        html`<juzi-auth region-url="${region}/" redirect-uri="https://page.example/back?x=1" .navigate=${navigate}></juzi-auth>`,
      );
      button(el).click();
      const url = await left;
      expect(url.pathname).to.equal('/region/oauth/connect/authorize');
      expect(url.searchParams.get('redirect_uri')).to.equal('https://page.example/back?x=1');
    });

    it('exchanges at exchange-url (the page’s own server) instead of the region', async () => {
      comeBack(callbackUrl('C-own', 'S1'), 'S1');
      const { fetch, asked } = regionAnswering(seedAnswer);
      const success = once(document, 'juzi-auth-success');
      await fixture<JuziAuth>(
        html`<juzi-auth region-url=${region} exchange-url="/api/juzi-login?app=1" .fetch=${fetch}></juzi-auth>`,
      );
      await success;
      expect(asked()).to.deep.equal([`${location.origin}/api/juzi-login?app=1&code=C-own`]);
    });

    it('does nothing when disabled', async () => {
      const { navigate, urls } = leaving();
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} disabled .navigate=${navigate}></juzi-auth>`);
      expect(button(el).disabled).to.be.true;
      button(el).click();
      expect(await el.signIn()).to.equal(undefined);
      expect(urls).to.deep.equal([]);
      expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
    });

    it('with auto, leaves for the region as soon as it connects', async () => {
      const { navigate, left } = leaving();
      await fixture<JuziAuth>(html`<juzi-auth region-url=${region} auto .navigate=${navigate}></juzi-auth>`);
      expect((await left).searchParams.get('state')).to.equal(sessionStorage.getItem(STATE_STORAGE_KEY));
    });

    it('with auto in sidebar mode, asks the host as soon as it connects', async () => {
      const { fetch } = regionAnswering(seedAnswer);
      const success = once(document, 'juzi-auth-success');
      await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" auto region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      expect((await success).detail.user).to.deep.equal(seedUserInfo);
      expect(host.callCount('sidebarAuth')).to.equal(1);
    });

    it('with auto, does not leave again after a failed callback (no redirect loop)', async () => {
      comeBack(callbackUrl('C1', 'FORGED'), 'S1');
      const { navigate, urls } = leaving();
      const failed = once(document, 'juzi-error');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} auto .navigate=${navigate}></juzi-auth>`);
      await failed;
      await settled(el);
      expect(urls).to.deep.equal([]);
      expect(el.status).to.equal('error');
    });

    it('leaves a page’s own ?code= alone when no state came with it', async () => {
      const page = `${home}${home.includes('?') ? '&' : '?'}code=SPRING-SALE`;
      comeBack(page);
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      await el.updateComplete;
      expect(location.href).to.equal(page);
      expect(el.status).to.equal('signed-out');
      expect(fetch.called).to.be.false;
    });

    it('shows the user’s name once signed in, or the page’s own signed-in content', async () => {
      const plain = await fixture<JuziAuth>(html`<juzi-auth .user=${seedUserInfo}></juzi-auth>`);
      expect(part(plain, 'name')!.textContent).to.equal('句子');
      expect(part(plain, 'user')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('已登录 句子');
      expect(shown(button(plain))).to.be.false;

      const own = await fixture<JuziAuth>(
        html`<juzi-auth .user=${seedUserInfo}><span slot="signed-in" id="mine">欢迎回来</span></juzi-auth>`,
      );
      const slot = part(own, 'user')!.querySelector('slot')!;
      expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['mine']);
      expect(shown(own.querySelector('#mine'))).to.be.true;
    });

    it('takes its button colours from --juzi-auth-background and --juzi-auth-color', async () => {
      const el = await fixture<JuziAuth>(
        html`<juzi-auth region-url=${region} style="--juzi-auth-background: rgb(1, 2, 3); --juzi-auth-color: rgb(4, 5, 6)"></juzi-auth>`,
      );
      const look = getComputedStyle(button(el));
      expect([look.backgroundColor, look.color]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
    });

    it('falls back to the userId when the region has no name', async () => {
      const { name: _name, ...nameless } = seedUserInfo;
      const el = await fixture<JuziAuth>(html`<juzi-auth .user=${nameless as UserInfo}></juzi-auth>`);
      expect(part(el, 'name')!.textContent).to.equal('userId');
    });

    it('sets its status attribute for CSS in every state', async () => {
      const { fetch } = regionAnswering({ errcode: -4, errmsg: '' });
      host.setLatency(30);
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      expect(el.getAttribute('status')).to.equal('signed-out');
      const attempt = el.signIn();
      await el.updateComplete;
      expect(el.getAttribute('status')).to.equal('signing-in');
      expect(spinner(el)).to.exist;
      await rejection(attempt);
      await el.updateComplete;
      expect(el.getAttribute('status')).to.equal('error');
      el.user = seedUserInfo;
      await el.updateComplete;
      expect(el.getAttribute('status')).to.equal('signed-in');
    });
  });

  describe('events', () => {
    it('runs the whole redirect sign-in: leave, come back, code out of the address bar, one exchange, juzi-auth-success', async () => {
      // 1. The agent clicks 登录 and the page leaves for the region.
      const { navigate, left } = leaving();
      const before = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${navigate}></juzi-auth>`);
      button(before).click();
      const authorize = await left;
      const redirect = authorize.searchParams.get('redirect_uri')!;
      const state = authorize.searchParams.get('state')!;
      before.remove();

      // 2. The region sends the agent back to redirect_uri with a code; the page loads again.
      comeBack(callbackUrl('C0DE1', state, redirect));
      const { fetch, addressAtCall, asked } = regionAnswering(seedAnswer);
      const success = once(document, 'juzi-auth-success');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      const event = await success;

      expect(event.detail.user).to.deep.equal(seedUserInfo);
      expect(event.bubbles && event.composed).to.be.true;
      expect(event.target).to.equal(el);
      expect(asked()).to.deep.equal([`${region}/api/v1/oauth/getUserInfo?code=C0DE1`]);
      expect(addressAtCall).to.deep.equal([home]); // the code had left the address bar before the exchange
      expect(location.href).to.equal(home);
      expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null); // each state answers one callback
      await settled(el);
      expect(el.user).to.deep.equal(seedUserInfo);
      expect(el.status).to.equal('signed-in');
      expect(part(el, 'name')!.textContent).to.equal('句子');
      expect(status(el).textContent!.trim()).to.equal('已登录：句子');
    });

    it('signs in for real against the region stand-in', async () => {
      const { navigate, left } = leaving();
      const before = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${navigate}></juzi-auth>`);
      button(before).click();
      // What the browser does with the authorize URL: follow the region's redirect back here.
      const back = await fetch((await left).href);
      before.remove();
      const code = new URL(back.url).searchParams.get('code')!;
      expect(code).to.match(/^[0-9a-f]{32}$/);

      comeBack(back.url);
      const requests = sinon.spy(window, 'fetch');
      const success = once(document, 'juzi-auth-success');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region}></juzi-auth>`);
      expect((await success).detail.user).to.deep.equal(seedUserInfo);
      expect(el.user).to.deep.equal(seedUserInfo);
      expect(location.href).to.equal(home);
      expect(requests.callCount).to.equal(1);
      // The code is spent: the region refuses it to anyone who tries again.
      expect((await rejection(fetchUserInfo(code, { regionUrl: region }))).code).to.equal('code-not-found');
    });

    it('refuses a callback whose state is not the one it sent: state-mismatch, no exchange', async () => {
      comeBack(callbackUrl('C1', 'FORGED'), 'S1');
      const { fetch } = regionAnswering(seedAnswer);
      const failed = once(document, 'juzi-error');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      const { error } = (await failed).detail;
      expect(error).to.include({ code: 'state-mismatch', api: 'oauth' });
      expect(fetch.called).to.be.false;
      expect(location.href).to.equal(home);
      await settled(el);
      expect(part(el, 'error')!.textContent).to.equal('登录校验失败，请重新登录。');
      expect(status(el).textContent!.trim()).to.equal('登录失败：登录校验失败，请重新登录。');
    });

    it('leaves a callback this tab never started (no state kept) to the page: URL kept, nothing reported', async () => {
      // WeCom's own OAuth returns to the page with code and state too.
      const theirs = callbackUrl('WECOM-CODE', 'their-state');
      comeBack(theirs);
      const errors = errorsSeen();
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      await tick(50);
      expect(location.href).to.equal(theirs);
      expect(errors).to.deep.equal([]);
      expect(fetch.called).to.be.false;
      expect(el.status).to.equal('signed-out');
      expect(label(el)).to.equal('登录');
    });

    it('still signs in after leaving a foreign callback alone, and then takes only its own', async () => {
      comeBack(callbackUrl('WECOM-CODE', 'their-state'));
      const { navigate, left } = leaving();
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${navigate}></juzi-auth>`);
      button(el).click();
      const state = (await left).searchParams.get('state')!;
      expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(state);
      el.remove();

      comeBack(callbackUrl('MINE', state));
      const { fetch, asked } = regionAnswering(seedAnswer);
      const success = once(document, 'juzi-auth-success');
      await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      await success;
      expect(asked()).to.deep.equal([`${region}/api/v1/oauth/getUserInfo?code=MINE`]);
    });

    it('reports an expired code, then retries with a fresh sign-in', async () => {
      comeBack(callbackUrl('OLD', 'S1'), 'S1');
      const { fetch } = regionAnswering({ errcode: -2, errmsg: 'code expired' });
      const { navigate, left } = leaving();
      const failed = once(document, 'juzi-error');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch} .navigate=${navigate}></juzi-auth>`);
      expect((await failed).detail.error).to.include({ code: 'expired-code', api: 'oauth', errMsg: 'code expired' });
      await settled(el);
      expect(el.status).to.equal('error');
      expect(part(el, 'error')!.textContent).to.equal('授权码已过期，请重新登录。');
      expect(label(el)).to.equal('重试');

      button(el).click();
      const again = await left;
      expect(again.searchParams.get('state')).to.equal(sessionStorage.getItem(STATE_STORAGE_KEY));
      expect(again.searchParams.get('state')).not.to.equal('S1');
      expect(fetch.callCount).to.equal(1);
    });

    it('reports a code the region already took (reused) as code-not-found', async () => {
      const { code } = (await (await fetch(`${region}/dev/code`, { method: 'POST' })).json()) as { code: string };
      await fetchUserInfo(code, { regionUrl: region }); // someone else spent it
      comeBack(callbackUrl(code, 'S1'), 'S1');
      const failed = once(document, 'juzi-error');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} lang="en"></juzi-auth>`);
      expect((await failed).detail.error).to.include({ code: 'code-not-found', errMsg: 'code not found' });
      await settled(el);
      expect(part(el, 'error')!.textContent).to.equal('The sign-in code was used or is unknown; sign in again.');
      expect(label(el)).to.equal('Retry');
    });

    it('reports a failed request as network', async () => {
      comeBack(callbackUrl('C1', 'S1'), 'S1');
      const fetch = sinon.fake.rejects(new TypeError('Failed to fetch'));
      const failed = once(document, 'juzi-error');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      expect((await failed).detail.error).to.include({ code: 'network', api: 'oauth' });
      await settled(el);
      expect(part(el, 'error')!.textContent).to.equal('无法连接登录服务，请重试。');
    });

    it('is ready again when juzi-error fires, so a listener can retry at once', async () => {
      let issued = 0;
      const sidebarHost = createSimulatedHost({ authCode: () => `code-${(issued += 1)}` });
      const { fetch } = regionAnswering({ errcode: -1, errmsg: 'invalid code' });
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${createBridge({ host: sidebarHost })} .fetch=${fetch}></juzi-auth>`,
      );
      const good = regionAnswering(seedAnswer);
      let busyDuringError: boolean | undefined;
      let retry: Promise<UserInfo | undefined> | undefined;
      el.addEventListener(
        'juzi-error',
        () => {
          busyDuringError = el.busy;
          el.fetch = good.fetch;
          retry = el.signIn();
        },
        { once: true },
      );
      expect((await rejection(el.signIn())).code).to.equal('invalid-code');
      expect(busyDuringError).to.equal(false);
      expect(await retry).to.deep.equal(seedUserInfo);
      expect(good.asked()).to.deep.equal([`${region}/api/v1/oauth/getUserInfo?code=code-2`]);
      await el.updateComplete;
      expect(el.status).to.equal('signed-in');
      expect(part(el, 'error')).to.be.null;
    });
  });

  describe('navigations that return', () => {
    it('is signed-out again when navigate() returns and the page is still visible 3 s later', async () => {
      pageVisibility('visible');
      const { navigate, urls } = leaving();
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${navigate}></juzi-auth>`);
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      expect(await el.signIn()).to.equal(undefined);
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
      await clock.tickAsync(2999);
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
      expect(await el.signIn()).to.equal(undefined); // still on its way: no second trip
      await clock.tickAsync(1);
      await el.updateComplete;
      expect(el.status).to.equal('signed-out');
      expect(el.busy).to.be.false;
      expect(spinner(el)).to.be.null;
      expect(label(el)).to.equal('登录');
      clock.restore();

      button(el).click(); // and the agent can start again
      await el.updateComplete;
      expect(urls).to.have.length(2);
      expect(new URL(urls[1]!).searchParams.get('state')).to.equal(sessionStorage.getItem(STATE_STORAGE_KEY));
    });

    it('waits while the page is hidden (opened elsewhere), and is signed-out again once it is seen', async () => {
      const page = pageVisibility('visible');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${() => page.set('hidden')}></juzi-auth>`);
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await el.signIn();
      await clock.tickAsync(10_000);
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
      clock.restore();
      page.set('visible');
      await el.updateComplete;
      expect(el.status).to.equal('signed-out');
    });

    it('is signed-out again after a blocked navigation (navigate returns, nothing happens)', async () => {
      pageVisibility('visible');
      const blocked = sinon.fake(); // e.g. a popup blocker swallowing window.open
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${blocked}></juzi-auth>`);
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      button(el).click();
      await clock.tickAsync(3000);
      await el.updateComplete;
      expect(blocked.callCount).to.equal(1);
      expect(el.getAttribute('status')).to.equal('signed-out');
      expect(button(el).getAttribute('aria-busy')).to.equal('false');
    });

    it('resets on a back-forward-cache restore (Back from the region)', async () => {
      pageVisibility('hidden'); // as a page leaving is
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${() => {}}></juzi-auth>`);
      await el.signIn();
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await el.updateComplete;
      expect(el.status).to.equal('signed-out');
      expect(label(el)).to.equal('登录');
    });

    it('ignores a pageshow that is not a restore, and one when it is not on its way', async () => {
      pageVisibility('hidden');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${() => {}}></juzi-auth>`);
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await el.signIn();
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
    });
  });

  describe('after sign-in', () => {
    it('leaves focus where the agent is typing', async () => {
      const { fetch } = regionAnswering(seedAnswer);
      const wrapper = await mount(
        html`<input aria-label="note" /><juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      const input = wrapper.querySelector('input')!;
      const el = wrapper.querySelector('juzi-auth')!;
      input.focus();
      await el.signIn();
      await el.updateComplete;
      expect(document.activeElement?.getAttribute('aria-label')).to.equal('note');
    });

    it('gives up an exchange that has not answered in 10 s: network, and a retry', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      comeBack(callbackUrl('C9', 'S9'), 'S9');
      const silent = sinon.fake(() => new Promise<Response>(() => {}));
      const failed = once(document, 'juzi-error');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${silent}></juzi-auth>`);
      await clock.tickAsync(9_999);
      await el.updateComplete;
      expect(el.status).to.equal('signing-in');
      await clock.tickAsync(1);
      const { error } = (await failed).detail;
      expect(error).to.include({ code: 'network', api: 'oauth' });
      expect(error.message).to.contain('no answer within 10000 ms');
      await el.updateComplete;
      expect(el.status).to.equal('error');
      expect(label(el)).to.equal('重试');
      expect(silent.callCount).to.equal(1);
    });
  });

  describe('exchange once', () => {
    it('shares one exchange between two elements on the callback page', async () => {
      comeBack(callbackUrl('C2', 'S2'), 'S2');
      const { fetch } = regionAnswering(seedAnswer);
      const successes = collect('juzi-auth-success', 2);
      const wrapper = await mount(
        html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth><juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`,
      );
      const events = await successes;
      expect(events.map((e) => e.target)).to.have.members([...wrapper.querySelectorAll('juzi-auth')]);
      expect(events.map((e) => e.detail.user)).to.deep.equal([seedUserInfo, seedUserInfo]);
      expect(fetch.callCount).to.equal(1);
    });

    it('gives an element that connects after the exchange its result, without asking again', async () => {
      comeBack(callbackUrl('C3', 'S3'), 'S3');
      const { fetch } = regionAnswering(seedAnswer);
      const first = once(document, 'juzi-auth-success');
      await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      await first;
      const later = once(document, 'juzi-auth-success');
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      expect((await later).detail.user).to.deep.equal(seedUserInfo);
      expect(el.user).to.deep.equal(seedUserInfo);
      expect(fetch.callCount).to.equal(1);
    });

    it('does not exchange again on a reload: the code is gone from the address bar', async () => {
      comeBack(callbackUrl('C4', 'S4'), 'S4');
      const { fetch } = regionAnswering(seedAnswer);
      const success = once(document, 'juzi-auth-success');
      const before = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      await success;
      before.remove();

      comeBack(location.href); // a reload: a fresh page at whatever the address bar holds
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      await el.updateComplete;
      expect(el.status).to.equal('signed-out');
      expect(fetch.callCount).to.equal(1);
    });

    it('asks the host once for a double click in sidebar mode', async () => {
      host.setLatency(30);
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      const success = once(el, 'juzi-auth-success');
      button(el).click();
      button(el).click();
      await success;
      expect(host.callCount('sidebarAuth')).to.equal(1);
      expect(fetch.callCount).to.equal(1);
    });
  });

  describe('bridge', () => {
    it('in sidebar mode, exchanges the code the host’s sidebarAuth answers, with no redirect and no stored state', async () => {
      const { fetch, asked } = regionAnswering(seedAnswer);
      const { navigate, urls } = leaving();
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch} .navigate=${navigate}></juzi-auth>`,
      );
      const success = once(el, 'juzi-auth-success');
      button(el).click();
      expect((await success).detail.user).to.deep.equal(seedUserInfo);
      expect(host.calls.map((c) => c.api)).to.deep.equal(['sidebarAuth']);
      expect(asked()).to.deep.equal([`${region}/api/v1/oauth/getUserInfo?code=sidebar-code-1`]);
      expect(urls).to.deep.equal([]);
      expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
      expect(await el.signIn()).to.deep.equal(seedUserInfo); // signIn() resolves with the user
    });

    it('in sidebar mode, signs in for real with a code the region stand-in issued', async () => {
      const { code } = (await (await fetch(`${region}/dev/code`, { method: 'POST' })).json()) as { code: string };
      const sidebarHost = createSimulatedHost({ authCode: () => code });
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${createBridge({ host: sidebarHost })}></juzi-auth>`,
      );
      expect(await el.signIn()).to.deep.equal(seedUserInfo);
      expect(sidebarHost.callCount('sidebarAuth')).to.equal(1);
    });

    it('reports a host that refuses sidebarAuth as the bridge’s host-fail', async () => {
      host.setFault('sidebarAuth', { kind: 'fail' });
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      const failed = once(el, 'juzi-error');
      button(el).click();
      expect((await failed).detail.error).to.include({ code: 'host-fail', api: 'sidebarAuth', errMsg: 'sidebarAuth:fail' });
      expect(fetch.called).to.be.false;
      await settled(el);
      expect(part(el, 'error')!.textContent).to.equal('侧边栏返回错误：sidebarAuth:fail');
    });

    it('ignores a callback in the address bar in sidebar mode', async () => {
      comeBack(callbackUrl('C5', 'S5'), 'S5');
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`);
      await el.updateComplete;
      expect(el.status).to.equal('signed-out');
      expect(fetch.called).to.be.false;
    });
  });

  describe('bad input', () => {
    it('reports sessionStorage refusing the state (private mode) clearly, and does not leave', async () => {
      sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      const { navigate, urls } = leaving();
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .navigate=${navigate}></juzi-auth>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      const { error } = (await failed).detail;
      expect(error).to.include({ code: 'storage-unavailable', api: 'oauth' });
      expect(error.message).to.contain('sessionStorage');
      expect(urls).to.deep.equal([]);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(part(el, 'error')!.textContent).to.contain('无痕模式');
      await expect(el).to.be.accessible();
    });

    it('takes a callback for the page’s own when sessionStorage is blocked (no sign-in could have started here)', async () => {
      const back = callbackUrl('C6', 'S6');
      comeBack(back, 'S6');
      sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('The operation is insecure.', 'SecurityError'));
      const errors = errorsSeen();
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      await tick(50);
      expect(location.href).to.equal(back);
      expect(errors).to.deep.equal([]);
      expect(fetch.called).to.be.false;
      expect(el.status).to.equal('signed-out');
    });

    it('names the blocked storage in English too, saying what to do', async () => {
      sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('insecure', 'SecurityError'));
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region} lang="en" .navigate=${() => {}}></juzi-auth>`);
      expect((await rejection(el.signIn())).code).to.equal('storage-unavailable');
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.equal(
        'The browser blocks session data (private mode?), so sign-in cannot be made safe.',
      );
    });

    it('refuses an http exchange-url on another host before leaving, keeping no state', async () => {
      const { navigate, urls } = leaving();
      const el = await fixture<JuziAuth>(
        html`<juzi-auth region-url=${region} exchange-url="http://exchange.example/login" .navigate=${navigate}></juzi-auth>`,
      );
      const error = await rejection(el.signIn());
      expect(error).to.include({ code: 'invalid-params', api: 'oauth' });
      expect(error.issues!.map((i) => i.path.join('.'))).to.deep.equal(['exchangeUrl']);
      expect(urls).to.deep.equal([]);
      expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
    });

    it('refuses an http exchange-url on another host on the way back, sending the code nowhere', async () => {
      comeBack(callbackUrl('C8', 'S8'), 'S8');
      const { fetch } = regionAnswering(seedAnswer);
      const failed = once(document, 'juzi-error');
      await fixture<JuziAuth>(
        html`<juzi-auth region-url=${region} exchange-url="http://exchange.example/login" .fetch=${fetch}></juzi-auth>`,
      );
      const { error } = (await failed).detail;
      expect(error).to.include({ code: 'invalid-params', api: 'oauth' });
      expect(error.issues!.map((i) => i.path.join('.'))).to.deep.equal(['exchangeUrl']);
      expect(fetch.called).to.be.false;
      expect(location.href).to.equal(home);
    });

    it('signs in without sessionStorage in sidebar mode, which needs no state', async () => {
      sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('quota', 'QuotaExceededError'));
      sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('insecure', 'SecurityError'));
      const { fetch } = regionAnswering(seedAnswer);
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      expect(await el.signIn()).to.deep.equal(seedUserInfo);
    });

    const refused: [string, ReturnType<typeof html>, string][] = [
      ['a non-https region', html`<juzi-auth region-url="http://hub.example.com"></juzi-auth>`, 'regionUrl'],
      ['no region at all', html`<juzi-auth></juzi-auth>`, 'regionUrl'],
      ['a javascript: redirect-uri', html`<juzi-auth region-url=${region} redirect-uri="javascript:alert(1)"></juzi-auth>`, 'redirectUri'],
      ['a relative redirect-uri', html`<juzi-auth region-url=${region} redirect-uri="/back"></juzi-auth>`, 'redirectUri'],
    ];
    for (const [name, template, field] of refused) {
      it(`refuses ${name} with invalid-params, keeping no state and staying on the page`, async () => {
        const el = await fixture<JuziAuth>(template);
        const { navigate, urls } = leaving();
        el.navigate = navigate;
        const error = await rejection(el.signIn());
        expect(error).to.include({ code: 'invalid-params', api: 'oauth' });
        expect(error.issues!.map((i) => i.path.join('.'))).to.deep.equal([field]);
        expect(urls).to.deep.equal([]);
        expect(sessionStorage.getItem(STATE_STORAGE_KEY)).to.equal(null);
        await el.updateComplete;
        expect(part(el, 'error')!.textContent).to.contain(`参数不正确：${field}`);
      });
    }

    it('reports an exchange answer that is not JSON as invalid-response', async () => {
      comeBack(callbackUrl('C7', 'S7'), 'S7');
      const { fetch } = regionAnswering('<!doctype html><title>Sign in</title>');
      const failed = once(document, 'juzi-error');
      await fixture<JuziAuth>(html`<juzi-auth region-url=${region} .fetch=${fetch}></juzi-auth>`);
      expect((await failed).detail.error).to.include({ code: 'invalid-response', api: 'oauth' });
    });

    it('reports a page navigation that throws, and stays ready to retry', async () => {
      const el = await fixture<JuziAuth>(html`<juzi-auth region-url=${region}></juzi-auth>`);
      el.navigate = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      const failed = once(el, 'juzi-error');
      button(el).click();
      const { error } = (await failed).detail;
      // The page's own exception: not the host's words (errMsg), but a refused call naming it.
      expect([error.code, error.errMsg, error.issues?.[0]?.message]).to.deep.equal(['invalid-params', undefined, 'SecurityError: blocked']);
      await settled(el);
      expect(el.status).to.equal('error');
      expect(label(el)).to.equal('重试');
    });

    it('renders the region’s words and the user’s name as text, never as HTML', async () => {
      const evil = '<img src=x onerror="window.__pwned=1">';
      const { fetch } = regionAnswering({ errcode: -5, errmsg: evil });
      const el = await fixture<JuziAuth>(
        html`<juzi-auth mode="sidebar" region-url=${region} .bridge=${bridge} .fetch=${fetch}></juzi-auth>`,
      );
      await rejection(el.signIn());
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.equal(`登录服务出错，请重试。 (${evil})`);
      expect(part(el, 'error')!.querySelector('img')).to.be.null;

      el.user = { ...seedUserInfo, name: evil };
      await el.updateComplete;
      expect(part(el, 'name')!.textContent).to.equal(evil);
      expect(el.shadowRoot!.querySelector('img')).to.be.null;
      expect((window as { __pwned?: number }).__pwned).to.be.undefined;
    });
  });
});
