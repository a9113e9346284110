import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import sinon from 'sinon';
import { createBridge, JuziError, type HostCallback, type JuziBridge } from '../../src/bridge/index.js';
import type { JuziDevtools } from '../../src/components/devtools/devtools.js';
import '../../src/define/devtools.js';
import { createSimulatedHost, type SimulatedHost } from '../../src/dev/index.js';
import { JuziErrorEvent, JuziSentEvent } from '../../src/events.js';
import { clearPageHosts, page, manualHost, mount, rejection } from '../helpers.js';


async function panel(bridge: JuziBridge, attrs: { lang?: string } = {}): Promise<JuziDevtools> {
  const wrapper = await mount(html`<juzi-devtools open lang=${attrs.lang ?? 'en'} .bridge=${bridge}></juzi-devtools>`);
  const el = wrapper.querySelector('juzi-devtools')!;
  await el.updateComplete;
  return el;
}

const root = (el: JuziDevtools) => el.shadowRoot!;
const text = (el: JuziDevtools, selector: string) => root(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Waits until a section's text matches. */
const until = (el: JuziDevtools, selector: string, pattern: RegExp) =>
  waitUntil(() => pattern.test(text(el, selector)), `${selector} never matched ${pattern}: "${text(el, selector)}"`);

describe('<juzi-devtools>', () => {
  let host: SimulatedHost;

  beforeEach(() => {
    host = createSimulatedHost();
  });
  afterEach(() => {
    clearPageHosts();
    sinon.restore();
  });

  describe('accessibility', () => {
    it('is accessible closed and open, with every section and call expanded', async () => {
      const bridge = createBridge({ host });
      await bridge.getCurChatInfo();
      host.setFault('sendChatMessage', { kind: 'fail' });
      await rejection(bridge.sendChatMessage({ msgtype: 'text', text: { content: 'x' } }));
      const el = await panel(bridge);
      await until(el, '.calls summary', /\(2\)/);
      root(el).querySelectorAll('details').forEach((d) => (d.open = true));
      await expect(el).to.be.accessible();
      el.open = false;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('the button says whether the panel is open', async () => {
      const el = await panel(createBridge({ host }));
      const toggle = root(el).querySelector<HTMLButtonElement>('[part="toggle"]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).querySelector('[part="panel"]')).to.equal(null);
    });
  });

  describe('environment', () => {
    it('no host: not found, with the hint to load juzi-helper', async () => {
      const el = await panel(createBridge({ readyTimeout: 20 }));
      expect(text(el, '.environment')).to.contain('Host not found');
      expect(text(el, '.environment')).to.contain('juzi-helper is loaded (after jweixin)');
    });

    it('window.juziWx: found via juziWx', async () => {
      page.juziWx = { ...host, isJuziWx: undefined };
      const el = await panel(createBridge());
      expect(text(el, '.environment')).to.contain('Host found (juziWx)');
      expect(text(el, '.environment')).to.contain('isJuziWx no');
    });

    it('a wx patched by juzi-helper: found via wx, isJuziWx', async () => {
      page.wx = host;
      const el = await panel(createBridge());
      expect(text(el, '.environment')).to.contain('Host found (wx)');
      expect(text(el, '.environment')).to.contain('isJuziWx yes');
    });

    it('a plain JS-SDK wx: says juzi-helper has not patched it', async () => {
      page.wx = { invoke() {}, config() {} };
      const el = await panel(createBridge({ readyTimeout: 20 }));
      expect(text(el, '.environment')).to.contain('jweixin (JS-SDK) yes');
      expect(text(el, '.environment')).to.contain('not patched by juzi-helper');
    });

    it('shows the iframe, the client, the listen and the page URL', async () => {
      const el = await panel(createBridge({ host }));
      const env = text(el, '.environment');
      expect(env).to.contain(`In an iframe ${window.self !== window.top ? 'yes' : 'no'}`);
      expect(env).to.contain('Client a plain browser');
      expect(env).to.contain('Chat-switch listen not armed, fired 0 times');
      expect(env).to.contain(location.href);
    });
  });

  describe('calls', () => {
    it('shows a failed and a timed-out call with their codes, newest first', async () => {
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'text content is empty' });
      host.setFault('getCurChatInfo', { kind: 'never' });
      const bridge = createBridge({ host, timeout: 30 });
      const el = await panel(bridge);
      await rejection(bridge.sendChatMessage({ msgtype: 'text', text: { content: 'x' } }));
      await rejection(bridge.getCurChatInfo());
      await until(el, '.calls', /timeout/);
      const calls = [...root(el).querySelectorAll<HTMLElement>('[part="call"]')];
      expect(calls.map((c) => c.dataset.outcome)).to.deep.equal(['timeout', 'host-fail']);
      expect(calls[1]!.textContent).to.contain('sendChatMessage');
      expect(calls[1]!.textContent).to.contain('text content is empty');
      expect(calls[0]!.querySelector('.badge.fail')?.textContent).to.equal('timeout');
      expect(text(el, '[part="toggle"]')).to.contain('2 failed');
    });

    it('marks a late answer', async () => {
      const { host: slow, pending } = manualHost();
      const bridge = createBridge({ host: slow, timeout: 20 });
      const el = await panel(bridge);
      await rejection(bridge.getCurExternalContact());
      pending[0]!.answer({ err_msg: 'getCurExternalContact:ok', userId: 'wm-late' });
      await waitUntil(() => root(el).querySelector('[part="call"][data-late]'), 'the late answer was never marked');
      const call = root(el).querySelector('[part="call"]')!;
      expect(call.querySelector('.badge.late')?.textContent).to.equal('late');
      expect(call.textContent).to.contain('wm-late');
    });

    it('shows params and answer when expanded', async () => {
      const bridge = createBridge({ host });
      const el = await panel(bridge);
      await bridge.sendChatMessage({ msgtype: 'text', text: { content: '你好' } });
      await until(el, '.calls', /ok/);
      const details = root(el).querySelector<HTMLDetailsElement>('[part="call"] details')!;
      details.open = true;
      expect(details.textContent).to.contain('{"msgtype":"text","text":{"content":"你好"}}');
      expect(details.textContent).to.contain('sendChatMessage:ok');
    });

    it('a bridge without diagnostics (another version) is reported, never thrown on', async () => {
      const el = await panel({ context: { status: 'idle' } } as unknown as JuziBridge);
      expect(text(el, '[part="panel"]')).to.contain('no diagnostics');
    });
  });

  describe('context', () => {
    it('shows the status, the chat and when it was read; makes no host call of its own', async () => {
      const bridge = createBridge({ host });
      const el = await panel(bridge);
      root(el).querySelectorAll('details').forEach((d) => (d.open = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(host.callCount()).to.equal(0);
      expect(text(el, '.context')).to.contain('Last read never');
      await bridge.refresh();
      await until(el, '.context', /Status ready/);
      expect(text(el, '.context')).to.contain(host.currentChat.name);
      expect(text(el, '.context')).not.to.contain('Last read never');
    });

    it('"read chat again" runs bridge.refresh()', async () => {
      const bridge = createBridge({ host });
      const el = await panel(bridge);
      const button = [...root(el).querySelectorAll<HTMLButtonElement>('.context button')].find((b) => /Read chat again/.test(b.textContent ?? ''))!;
      button.click();
      await waitUntil(() => host.callCount('getCurChatInfo') === 1);
      await until(el, '.context', /Status ready/);
    });
  });

  describe('events', () => {
    it('lists the juzi-* events that reached document', async () => {
      const el = await panel(createBridge({ host }));
      document.body.dispatchEvent(new JuziSentEvent({ message: { msgtype: 'text', text: { content: 'hi' } } }));
      document.body.dispatchEvent(new JuziErrorEvent({ error: new JuziError('timeout', 'sendChatMessage') }));
      await until(el, '.events summary', /\(2\)/);
      const events = [...root(el).querySelectorAll<HTMLElement>('.event')];
      expect(events.map((e) => e.dataset.type)).to.deep.equal(['juzi-error', 'juzi-sent']);
      expect(events[0]!.textContent).to.contain('timeout: sendChatMessage: timeout');
    });
  });

  describe('report', () => {
    async function failingPanel() {
      const { host: slow, pending } = manualHost();
      const bridge = createBridge({ host: slow, timeout: 20 });
      const el = await panel(bridge);
      await rejection(bridge.getCurExternalContact());
      pending[0]!.answer({ err_msg: 'getCurExternalContact:ok', userId: 'wm-late' });
      (slow as { getCurChatInfo: (o: { fail: HostCallback }) => void }).getCurChatInfo = ({ fail }) => fail({ err_msg: 'getCurChatInfo:fail no chat' });
      await rejection(bridge.getCurChatInfo());
      await until(el, '.calls summary', /\(2\)/);
      return el;
    }

    it('copies one text with the environment, the calls (codes, late) and the events', async () => {
      const el = await failingPanel();
      document.body.dispatchEvent(new JuziSentEvent({ message: { msgtype: 'text', text: { content: 'hi' } } }));
      if (!navigator.clipboard) Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => {} }, configurable: true });
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      root(el).querySelector<HTMLButtonElement>('.report button')!.click();
      await waitUntil(() => write.called);
      const report = write.firstCall.args[0];
      expect(report).to.contain('host: found via option');
      expect(report).to.match(/getCurChatInfo: host-fail \d+ ms, errMsg: getCurChatInfo:fail no chat/);
      expect(report).to.match(/getCurExternalContact: timeout \d+ ms, LATE answer after \d+ ms/);
      expect(report).to.contain('wm-late');
      expect(report).to.contain('juzi-sent');
      expect(report.indexOf('getCurChatInfo:')).to.be.below(report.indexOf('getCurExternalContact:'));
      await until(el, '.report [role="status"]', /copied/);
    });

    it('where the clipboard is blocked, shows the report as selectable text', async () => {
      const el = await failingPanel();
      if (!navigator.clipboard) Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => {} }, configurable: true });
      sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
      root(el).querySelector<HTMLButtonElement>('.report button')!.click();
      await waitUntil(() => root(el).querySelector('textarea'), 'no text area');
      const area = root(el).querySelector('textarea')!;
      expect(area.value).to.contain('LATE answer');
      expect(area.readOnly).to.equal(true);
      expect(text(el, '.report [role="status"]')).to.contain('clipboard is blocked');
    });
  });

  describe('the page', () => {
    it('leaves the page markup and styles untouched', async () => {
      const style = document.createElement('style');
      style.textContent = '.page-para { color: rgb(1, 2, 3); } button { margin: 3px; }';
      document.head.append(style);
      const content = document.createElement('div');
      content.innerHTML = '<p class="page-para">hello</p><button type="button">page</button>';
      document.body.append(content);
      const snapshot = () => ({
        head: document.head.innerHTML,
        content: content.innerHTML,
        sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        color: getComputedStyle(content.querySelector('p')!).color,
        font: getComputedStyle(content.querySelector('p')!).font,
        margin: getComputedStyle(content.querySelector('button')!).margin,
      });
      try {
        const before = snapshot();
        const el = await panel(createBridge({ host }));
        root(el).querySelectorAll('details').forEach((d) => (d.open = true));
        await el.updateComplete;
        expect(snapshot()).to.deep.equal(before);
        // and the page's styles do not reach into the panel
        expect(getComputedStyle(root(el).querySelector('[part="toggle"]')!).margin).to.equal('0px');
      } finally {
        style.remove();
        content.remove();
      }
    });
  });

  describe('attributes', () => {
    it('move cycles the corner; lang zh-CN shows Chinese labels', async () => {
      const el = await panel(createBridge({ host }), { lang: 'zh-CN' });
      expect(text(el, '[part="toggle"]')).to.equal('调试');
      expect(text(el, '.environment summary')).to.equal('环境');
      const move = root(el).querySelector<HTMLButtonElement>('[aria-label="移到另一个角"]')!;
      move.click();
      await el.updateComplete;
      expect(el.getAttribute('position')).to.equal('bottom-left');
      expect(el.getBoundingClientRect().left).to.be.below(window.innerWidth / 2);
    });
  });
});
