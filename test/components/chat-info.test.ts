import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createBridge, JuziError, type ChatContext, type JuziBridge } from '../../src/bridge/index.js';
import type { JuziChatInfo } from '../../src/components/chat-info/chat-info.js';
import '../../src/define/chat-info.js';
import { createSimulatedHost, defaultChats, type SimulatedHost } from '../../src/dev/index.js';
import { mount, tick } from '../helpers.js';

const text = (el: JuziChatInfo, part: string) =>
  el.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const ready = (el: JuziChatInfo) => waitUntil(() => el.shadowRoot!.querySelector('[part~="name"], [part~="bot"]'));
const errorShown = (el: JuziChatInfo) => waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'));
const markup = defaultChats.findIndex((c) => c.name.includes('<img'));
const group = defaultChats.findIndex((c) => c.type === 1);

describe('<juzi-chat-info>', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;

  beforeEach(() => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 200, readyTimeout: 100 });
  });

  const render = (template = html`<juzi-chat-info .bridge=${bridge}></juzi-chat-info>`) =>
    fixture<JuziChatInfo>(template);

  describe('accessibility', () => {
    it('is accessible while loading, and says so with aria-busy', async () => {
      host.setLatency(1000);
      bridge = createBridge({ host, timeout: 5000 });
      const el = await render();
      expect(el.shadowRoot!.textContent!.trim(), 'no spinner flash for a quick answer').to.equal('');
      await waitUntil(() => text(el, 'base') === '正在读取当前会话…', 'a slow answer shows the loading words');
      expect(el.shadowRoot!.querySelector('[part~="spinner"]')).to.exist;
      expect(el.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });
    it('is accessible when ready, as a labelled group', async () => {
      const el = await render();
      await ready(el);
      expect(el.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[role="group"]')?.getAttribute('aria-label')).to.equal('当前会话');
      await expect(el).to.be.accessible();
    });
    it('is accessible in the error state, with an alert and a retry button', async () => {
      host.setFault('getCurChatInfo', { kind: 'fail', errMsg: 'getCurChatInfo:fail' });
      const el = await render();
      await errorShown(el);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('shows name, single chat, external, bot name, online and bot type', async () => {
      const el = await render();
      await ready(el);
      const chat = defaultChats[0]!;
      expect(text(el, 'name')).to.equal(chat.name);
      expect(text(el, 'type')).to.equal('单聊');
      expect(text(el, 'external')).to.equal('外部');
      expect(text(el, 'bot-name')).to.equal(`托管账号: ${chat.botName}`);
      expect(text(el, 'bot-status')).to.equal('在线');
      expect(text(el, 'bot-type')).to.equal('企业微信');
    });
    it('says offline in words, not only by colour', async () => {
      host.setChats([{ ...defaultChats[0]!, botStatus: 1 }]);
      const el = await render();
      await ready(el);
      expect(text(el, 'bot-status')).to.equal('离线');
      expect(el.shadowRoot!.querySelector('[part~="bot-status"]')?.getAttribute('data-status')).to.equal('offline');
    });
    it('names every bot type and shows an unknown one as such', async () => {
      const names = ['无', '微信', '企业微信', '公众号', 'WhatsApp', '未知 (9)'];
      for (const [botType, name] of names.entries()) {
        host.setChats([{ ...defaultChats[0]!, botType: botType === 5 ? 9 : botType }]);
        bridge = createBridge({ host }); // a fresh context for each chat
        const el = await render();
        await ready(el);
        expect(text(el, 'bot-type')).to.equal(name);
      }
    });
    it('shows a group chat and an internal chat', async () => {
      host.switchChat(group);
      host.setChats([{ ...defaultChats[group]!, external: false }]);
      const el = await render();
      await ready(el);
      expect(text(el, 'type')).to.equal('群聊');
      expect(text(el, 'external')).to.equal('内部');
    });
    it('renders a chat name full of markup as text', async () => {
      host.switchChat(markup);
      const el = await render();
      await ready(el);
      expect(text(el, 'name')).to.equal(defaultChats[markup]!.name);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  describe('attributes', () => {
    it('shows only the fields named in fields', async () => {
      const el = await render(html`<juzi-chat-info .bridge=${bridge} fields="name, botStatus"></juzi-chat-info>`);
      await ready(el);
      expect(text(el, 'name')).to.equal(defaultChats[0]!.name);
      expect(text(el, 'bot-status')).to.equal('在线');
      for (const part of ['type', 'external', 'bot-name', 'bot-type']) {
        expect(el.shadowRoot!.querySelector(`[part~="${part}"]`), part).to.equal(null);
      }
    });
    it('switches labels with lang on the element or an ancestor', async () => {
      const el = await render(html`<juzi-chat-info .bridge=${bridge} lang="en"></juzi-chat-info>`);
      await ready(el);
      expect(text(el, 'type')).to.equal('Single chat');
      expect(text(el, 'bot-status')).to.equal('Online');
      const wrapper = await mount(html`<div lang="zh-CN"><juzi-chat-info .bridge=${bridge}></juzi-chat-info></div>`);
      const inner = wrapper.querySelector('juzi-chat-info')!;
      await ready(inner);
      expect(text(inner, 'type')).to.equal('单聊');
      wrapper.firstElementChild!.setAttribute('lang', 'en');
      await waitUntil(() => text(inner, 'type') === 'Single chat', 'labels did not follow the ancestor lang');
    });
  });

  describe('events', () => {
    it('fires juzi-chat-change on first load and on each chat switch', async () => {
      const el = document.createElement('juzi-chat-info');
      el.bridge = bridge;
      const first = oneEvent(el, 'juzi-chat-change');
      document.body.append(el);
      try {
        expect((await first).detail.chat.id).to.equal(defaultChats[0]!.Id);
        const second = oneEvent(el, 'juzi-chat-change');
        host.switchChat(1);
        const { detail } = await second;
        expect(detail.chat.id).to.equal(defaultChats[1]!.Id);
        await waitUntil(() => text(el, 'name') === defaultChats[1]!.name);
      } finally {
        el.remove();
      }
    });
    it('does not fire juzi-chat-change when the same chat is read again', async () => {
      const el = await render();
      await ready(el);
      let changes = 0;
      el.addEventListener('juzi-chat-change', () => (changes += 1));
      host.updateChat({ botStatus: 1 });
      await waitUntil(() => text(el, 'bot-status') === '离线');
      expect(changes).to.equal(0);
    });
    it('fires juzi-error with the JuziError, bubbling and composed', async () => {
      host.setFault('getCurChatInfo', { kind: 'fail', errMsg: 'getCurChatInfo:fail no permission' });
      const el = document.createElement('juzi-chat-info');
      el.bridge = bridge;
      const failed = oneEvent(document, 'juzi-error');
      document.body.append(el);
      try {
        const event = await failed;
        expect(event.bubbles && event.composed).to.equal(true);
        expect(event.detail.error).to.include({ code: 'host-fail', errMsg: 'getCurChatInfo:fail no permission' });
      } finally {
        el.remove();
      }
    });
  });

  describe('bridge', () => {
    it('updates every element on a chat switch with one host call', async () => {
      const wrapper = await mount([1, 2, 3, 4, 5].map(() => html`<juzi-chat-info .bridge=${bridge}></juzi-chat-info>`));
      const all = [...wrapper.querySelectorAll('juzi-chat-info')];
      await Promise.all(all.map(ready));
      expect(host.callCount('getCurChatInfo')).to.equal(1);
      host.switchChat(1);
      await waitUntil(() => all.every((el) => text(el, 'name') === defaultChats[1]!.name));
      expect(host.callCount('getCurChatInfo')).to.equal(2);
    });
    it('falls back to the page shared bridge when none is given', async () => {
      const page = globalThis as { juziWx?: unknown };
      const shared = createSimulatedHost({ chat: 1 });
      page.juziWx = shared;
      try {
        const el = await fixture<JuziChatInfo>(html`<juzi-chat-info></juzi-chat-info>`);
        await ready(el);
        expect(el.activeBridge).to.equal((await import('../../src/bridge/index.js')).getBridge());
        expect(text(el, 'name')).to.equal(defaultChats[1]!.name);
      } finally {
        delete page.juziWx;
      }
    });
    it('follows a new bridge set on the property', async () => {
      const el = await render();
      await ready(el);
      const other = createSimulatedHost({ chat: 2 });
      el.bridge = createBridge({ host: other });
      await waitUntil(() => text(el, 'name') === defaultChats[2]!.name);
    });
    it('unsubscribes when removed', async () => {
      const el = await render();
      await ready(el);
      el.remove();
      host.switchChat(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(host.callCount('getCurChatInfo')).to.equal(1);
    });
  });

  describe('a failed re-read', () => {
    const notice = (el: JuziChatInfo) => el.shadowRoot!.querySelector<HTMLElement>('[part~="notice"]');

    /** A bridge whose context the test sets, as the store would. */
    function drivenBridge(context: ChatContext) {
      const listeners = new Set<(context: ChatContext) => void>();
      let refreshes = 0;
      const driven = {
        get context() {
          return context;
        },
        subscribe(listener: (context: ChatContext) => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        refresh() {
          refreshes += 1;
          return new Promise<never>(() => {});
        },
      } as unknown as JuziBridge;
      const set = (next: ChatContext) => {
        context = next;
        listeners.forEach((listener) => listener(next));
      };
      return { driven, set, refreshes: () => refreshes };
    }

    it('keeps showing the known chat with a quiet notice and a retry, not the error view', async () => {
      const el = await render(html`<juzi-chat-info .bridge=${bridge} lang="en"></juzi-chat-info>`);
      await ready(el);
      host.setFault('getCurChatInfo', { kind: 'never' });
      await bridge.refresh().catch(() => {});
      await waitUntil(() => notice(el), 'a failed re-read shows a notice');
      expect(text(el, 'name')).to.equal(defaultChats[0]!.name);
      expect(el.shadowRoot!.querySelector('[part~="error"], [role="alert"]')).to.equal(null);
      expect(text(el, 'notice')).to.equal('Could not refresh the chat; showing what was last read. The sidebar did not answer; try again in a moment. Retry');
      await expect(el).to.be.accessible();

      host.setFault('getCurChatInfo', undefined);
      host.updateChat({ botStatus: 1 });
      notice(el)!.querySelector('button')!.click();
      await waitUntil(() => !notice(el) && text(el, 'bot-status') === 'Offline', 'the retry reads the chat again');
    });

    it('renders from the context shape: error with a chat is the chat and a notice; error without one is the error view', async () => {
      const chat = await bridge.getCurChatInfo();
      const failure = new JuziError('timeout', 'getCurChatInfo');
      const { driven, set, refreshes } = drivenBridge({ status: 'error', chat, error: failure });
      const el = await render(html`<juzi-chat-info .bridge=${driven}></juzi-chat-info>`);
      expect(text(el, 'name')).to.equal(chat.name);
      expect(notice(el)).to.exist;
      notice(el)!.querySelector('button')!.click();
      expect(refreshes()).to.equal(1);

      set({ status: 'error', error: failure }); // e.g. after a switch: the store dropped the chat
      await el.updateComplete;
      expect(text(el, 'error')).to.contain('侧边栏没有响应');
      expect(el.shadowRoot!.querySelector('[part~="name"]')).to.equal(null);
      expect(notice(el)).to.equal(null);
    });
  });

  describe('one failure, one juzi-error', () => {
    let listening: AbortController;
    beforeEach(() => (listening = new AbortController()));
    afterEach(() => listening.abort());

    const reported = () => {
      const errors: JuziError[] = [];
      document.addEventListener('juzi-error', (event) => errors.push(event.detail.error), { signal: listening.signal });
      return errors;
    };

    it('reports one host failure once, however many elements show it, and not again from one connecting later', async () => {
      host.setFault('getCurChatInfo', { kind: 'fail' });
      const errors = reported();
      const wrapper = await mount([1, 2, 3, 4, 5].map(() => html`<juzi-chat-info .bridge=${bridge}></juzi-chat-info>`));
      const all = [...wrapper.querySelectorAll('juzi-chat-info')];
      await Promise.all(all.map(errorShown));
      await tick(20);
      expect(errors).to.have.length(1);

      const late = document.createElement('juzi-chat-info');
      late.bridge = bridge;
      wrapper.append(late);
      await errorShown(late);
      await tick(20);
      expect(errors).to.have.length(1);

      // A new failure is new news: reported, once.
      late.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => errors.length === 2, 'the failed retry is reported');
      await tick(20);
      expect(errors).to.have.length(2);
      expect(errors[1]).not.to.equal(errors[0]);
    });

    it('reports a failed re-read of a known chat once', async () => {
      const wrapper = await mount([1, 2, 3].map(() => html`<juzi-chat-info .bridge=${bridge}></juzi-chat-info>`));
      await Promise.all([...wrapper.querySelectorAll('juzi-chat-info')].map(ready));
      const errors = reported();
      host.setFault('getCurChatInfo', { kind: 'fail' });
      await bridge.refresh().catch(() => {});
      await tick(20);
      expect(errors.map((error) => error.code)).to.deep.equal(['host-fail']);
    });
  });

  describe('bad input', () => {
    it('says what to do when there is no host, and retries', async () => {
      let found: SimulatedHost | undefined = undefined;
      bridge = createBridge({ host: () => found, readyTimeout: 50 });
      const el = await render();
      await errorShown(el);
      expect(text(el, 'error')).to.contain('请在工作台侧边栏中打开此页面');
      found = host;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await ready(el);
      expect(text(el, 'name')).to.equal(defaultChats[0]!.name);
    });
    it('shows a timeout and recovers on retry', async () => {
      host.setFault('getCurChatInfo', { kind: 'never' });
      const el = await render(html`<juzi-chat-info .bridge=${bridge} lang="en"></juzi-chat-info>`);
      await errorShown(el);
      expect(text(el, 'error')).to.contain('did not answer');
      host.setFault('getCurChatInfo', undefined);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await ready(el);
    });
    it('reports a malformed answer as invalid-response', async () => {
      host.setFault('getCurChatInfo', { kind: 'malformed' });
      const el = document.createElement('juzi-chat-info');
      el.bridge = bridge;
      const failed = oneEvent(el, 'juzi-error');
      document.body.append(el);
      try {
        expect((await failed).detail.error.code).to.equal('invalid-response');
        await errorShown(el);
        expect(text(el, 'error')).to.contain('数据格式不正确');
      } finally {
        el.remove();
      }
    });
  });
});
