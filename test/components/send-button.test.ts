import { ContextProvider } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createBridge, type JuziBridge, type SendMessage } from '../../src/bridge/index.js';
import type { JuziSendButton } from '../../src/components/send-button/send-button.js';
import '../../src/define/send-button.js';
import { createSimulatedHost, type SimulatedHost } from '../../src/dev/index.js';
import type { JuziErrorDetail } from '../../src/events.js';
import { bridgeContext } from '../../src/internal/context.js';
import { rejection, tick } from '../helpers.js';
import { button, label, once, settled, spinner, status, within } from './action-helpers.js';

const parentWith = (attributes: Record<string, string> = {}) => {
  const parent = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) parent.setAttribute(name, value);
  return parent;
};

describe('<juzi-send-button>', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;

  beforeEach(() => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 200 });
  });

  describe('accessibility', () => {
    it('is accessible when idle', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      await expect(el).to.be.accessible();
    });

    it('is accessible while busy', async () => {
      bridge.configure({ timeout: 5000 }); // long enough for axe to run while the call is pending
      host.setFault('sendChatMessage', { kind: 'never' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      button(el).click();
      await el.updateComplete;
      expect(el.busy).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('is accessible after an error', async () => {
      host.setFault('sendChatMessage', { kind: 'fail' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      await failed;
      await settled(el);
      expect(status(el).textContent).to.contain('发送失败');
      await expect(el).to.be.accessible();
    });

    it('is accessible when disabled', async () => {
      const el = await fixture<JuziSendButton>(
        html`<juzi-send-button .bridge=${bridge} content="hi" disabled></juzi-send-button>`,
      );
      await expect(el).to.be.accessible();
    });

    it('renders one native button and a polite status region', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(1);
      expect(button(el).type).to.equal('button');
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(status(el).textContent!.trim()).to.equal('');
    });

    it('sends with Enter on the focused button', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      button(el).focus();
      const sent = once(el, 'juzi-sent');
      await sendKeys({ press: 'Enter' });
      await sent;
      expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: 'hi' } }]);
    });

    it('sends with Space on the focused button', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      button(el).focus();
      const sent = once(el, 'juzi-sent');
      await sendKeys({ press: ' ' }); // ' ', not 'Space': Firefox's driver only knows the key value
      await sent;
      expect(host.callCount('sendChatMessage')).to.equal(1);
    });

    it('moves focus to the inner button when the element is focused', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
    });
  });

  describe('attributes', () => {
    const cases: { name: string; template: (b: JuziBridge) => ReturnType<typeof html>; expected: SendMessage }[] = [
      {
        name: 'text (the default msgtype)',
        template: (b) => html`<juzi-send-button .bridge=${b} content="你好 <b>world</b>"></juzi-send-button>`,
        expected: { msgtype: 'text', text: { content: '你好 <b>world</b>' } },
      },
      {
        name: 'image with a title',
        template: (b) =>
          html`<juzi-send-button .bridge=${b} msgtype="image" url="https://example.com/a.png" title="A"></juzi-send-button>`,
        expected: { msgtype: 'image', image: { url: 'https://example.com/a.png', title: 'A' } },
      },
      {
        name: 'video without a title',
        template: (b) => html`<juzi-send-button .bridge=${b} msgtype="video" url="https://example.com/v.mp4"></juzi-send-button>`,
        expected: { msgtype: 'video', video: { url: 'https://example.com/v.mp4' } },
      },
      {
        name: 'file',
        template: (b) =>
          html`<juzi-send-button .bridge=${b} msgtype="file" url="http://example.com/f.pdf" title="F"></juzi-send-button>`,
        expected: { msgtype: 'file', file: { url: 'http://example.com/f.pdf', title: 'F' } },
      },
      {
        name: 'news with every field',
        template: (b) =>
          html`<juzi-send-button
            .bridge=${b}
            msgtype="news"
            link="https://example.com/n"
            title="N"
            desc="D"
            img-url="https://example.com/n.png"
          ></juzi-send-button>`,
        expected: {
          msgtype: 'news',
          news: { link: 'https://example.com/n', title: 'N', desc: 'D', imgUrl: 'https://example.com/n.png' },
        },
      },
      {
        name: 'news with only a link',
        template: (b) => html`<juzi-send-button .bridge=${b} msgtype="news" link="https://example.com/n"></juzi-send-button>`,
        expected: { msgtype: 'news', news: { link: 'https://example.com/n' } },
      },
      {
        name: 'miniprogram',
        template: (b) =>
          html`<juzi-send-button
            .bridge=${b}
            msgtype="miniprogram"
            appid="wx123"
            title="M"
            img-url="https://example.com/m.png"
            page="pages/index"
            desc="MD"
            icon-url="https://example.com/i.png"
            official-account-id="gh_1"
          ></juzi-send-button>`,
        expected: {
          msgtype: 'miniprogram',
          miniprogram: {
            appid: 'wx123',
            title: 'M',
            imgUrl: 'https://example.com/m.png',
            page: 'pages/index',
            desc: 'MD',
            iconUrl: 'https://example.com/i.png',
            officialAccountId: 'gh_1',
          },
        },
      },
    ];
    for (const { name, template, expected } of cases) {
      it(`builds ${name} from attributes, and the host receives exactly it`, async () => {
        const el = await fixture<JuziSendButton>(template(bridge));
        const sent = once(el, 'juzi-sent');
        button(el).click();
        expect((await sent).detail.message).to.deep.equal(expected);
        expect(host.sent).to.deep.equal([expected]);
        expect(host.calls.map((c) => c.api)).to.deep.equal(['sendChatMessage']);
      });
    }

    it('lets the message property win over attributes', async () => {
      const message: SendMessage = { msgtype: 'news', news: { link: 'https://example.com/p' } };
      const el = await fixture<JuziSendButton>(
        html`<juzi-send-button .bridge=${bridge} .message=${message} content="ignored"></juzi-send-button>`,
      );
      await el.send();
      expect(host.sent).to.deep.equal([message]);
    });

    it('reads attributes changed after an earlier send', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="one"></juzi-send-button>`);
      await el.send();
      el.setAttribute('content', 'two');
      await el.send();
      expect(host.sent).to.deep.equal([
        { msgtype: 'text', text: { content: 'one' } },
        { msgtype: 'text', text: { content: 'two' } },
      ]);
    });

    it('shows 发送 by default', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      expect(label(el)).to.equal('发送');
    });

    it('shows Send with lang="en" on the element', async () => {
      const el = await fixture<JuziSendButton>(
        html`<juzi-send-button .bridge=${bridge} content="hi" lang="en"></juzi-send-button>`,
      );
      expect(label(el)).to.equal('Send');
    });

    it('shows Send with lang="en" on an ancestor, and follows a later change', async () => {
      const wrapper = parentWith({ lang: 'en-US' });
      const el = await within<JuziSendButton>(wrapper, html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      expect(label(el)).to.equal('Send');
      wrapper.setAttribute('lang', 'zh-CN');
      await waitUntil(() => label(el) === '发送', 'label did not follow lang');
    });

    it('lets a slotted label replace the default', async () => {
      const el = await fixture<JuziSendButton>(
        html`<juzi-send-button .bridge=${bridge} content="hi"><span>发送欢迎语</span></juzi-send-button>`,
      );
      expect(label(el)).to.equal('发送欢迎语');
      expect(el.shadowRoot!.querySelector('slot')!.assignedElements()).to.have.length(1);
    });

    it('keeps the default label when only whitespace sits between the tags', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi">
      </juzi-send-button>`);
      expect(label(el)).to.equal('发送');
      await expect(el).to.be.accessible();
      el.firstChild!.textContent = '发送报价';
      await waitUntil(() => label(el) === '发送报价', 'a label typed into the blank text did not replace the default');
    });

    it('reflects disabled, disables the inner button, and ignores clicks', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      el.disabled = true;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.be.true;
      expect(button(el).disabled).to.be.true;
      let before = 0;
      el.addEventListener('juzi-before-send', () => (before += 1));
      button(el).click();
      expect(await el.send()).to.be.false;
      expect(before).to.equal(0);
      expect(host.callCount()).to.equal(0);
      expect(el.busy).to.be.false;
    });

    it('reflects busy, sets aria-busy and shows the spinner while pending, then clears them', async () => {
      host.setLatency(50);
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      expect(spinner(el)).to.be.null;
      expect(button(el).getAttribute('aria-busy')).to.equal('false');
      const sent = once(el, 'juzi-sent');
      button(el).click();
      await el.updateComplete;
      expect(el.hasAttribute('busy')).to.be.true;
      expect(button(el).getAttribute('aria-busy')).to.equal('true');
      expect(spinner(el)).to.exist;
      expect(getComputedStyle(spinner(el)!).display).not.to.equal('none');
      await sent;
      await settled(el);
      expect(el.hasAttribute('busy')).to.be.false;
      expect(button(el).getAttribute('aria-busy')).to.equal('false');
      expect(spinner(el)).to.be.null;
    });

    it('fits a 300px sidebar with a long label', async () => {
      const el = await within<JuziSendButton>(
        parentWith({ style: 'width: 300px' }),
        html`<juzi-send-button .bridge=${bridge} content="hi">${'把这条很长的欢迎语发送给当前会话里的客户'.repeat(3)}</juzi-send-button>`,
      );
      expect(button(el).getBoundingClientRect().width).to.be.at.most(300);
    });
  });

  describe('events', () => {
    it('fires a cancelable juzi-before-send with the message, then juzi-sent, both bubbling out of shadow roots', async () => {
      const wrapper = parentWith();
      const el = await within<JuziSendButton>(wrapper, html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const seen: string[] = [];
      const before = once(wrapper, 'juzi-before-send');
      el.addEventListener('juzi-before-send', () => seen.push(`before:${host.callCount()}`));
      el.addEventListener('juzi-sent', () => seen.push(`sent:${host.sent.length}`));
      const sent = once(wrapper, 'juzi-sent');
      button(el).click();
      const beforeEvent = await before;
      expect(beforeEvent.cancelable).to.be.true;
      expect(beforeEvent.composed).to.be.true;
      expect(beforeEvent.detail.message).to.deep.equal({ msgtype: 'text', text: { content: 'hi' } });
      expect((await sent).detail.message).to.deep.equal({ msgtype: 'text', text: { content: 'hi' } });
      expect(seen).to.deep.equal(['before:0', 'sent:1']);
    });

    it('fires juzi-before-send once busy, so send() from its listener joins this send instead of starting another', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const busyAtBefore: boolean[] = [];
      const joined: Promise<boolean>[] = [];
      let calls = 0;
      el.addEventListener('juzi-before-send', () => {
        busyAtBefore.push(el.busy);
        // Bounded, so a recursion would end: each call that starts a send fires juzi-before-send again.
        if (calls++ < 5) joined.push(el.send());
      });
      const sent = once(el, 'juzi-sent');
      expect(await el.send()).to.be.true;
      await sent;
      expect(busyAtBefore).to.deep.equal([true]);
      expect(await Promise.all(joined)).to.deep.equal([true]);
      expect(host.sent).to.have.length(1);
    });

    it('does not call the host when juzi-before-send is cancelled', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      el.addEventListener('juzi-before-send', (event) => event.preventDefault());
      let sent = 0;
      el.addEventListener('juzi-sent', () => (sent += 1));
      const before = once(el, 'juzi-before-send');
      button(el).click();
      expect((await before).defaultPrevented).to.be.true;
      await settled(el);
      expect(host.callCount()).to.equal(0);
      expect(sent).to.equal(0);
      expect(status(el).textContent!.trim()).to.equal('');
    });

    it('fires juzi-error with the error and the message when the host fails', async () => {
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'text content is empty' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      const { detail } = await failed;
      expect(detail.error).to.include({ code: 'host-fail', api: 'sendChatMessage', errMsg: 'text content is empty' });
      expect(detail.message).to.deep.equal({ msgtype: 'text', text: { content: 'hi' } });
    });
  });

  describe('bridge', () => {
    it('sends once for a double click while the host works', async () => {
      host.setLatency(50);
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      let before = 0;
      el.addEventListener('juzi-before-send', () => (before += 1));
      const sent = once(el, 'juzi-sent');
      button(el).click();
      button(el).click();
      await sent;
      await settled(el);
      expect(host.callCount('sendChatMessage')).to.equal(1);
      expect(before).to.equal(1);
      expect(host.sent).to.have.length(1);
    });

    it('shares the pending send with a second send() call', async () => {
      host.setLatency(50);
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const [first, second] = await Promise.all([el.send(), el.send()]);
      expect([first, second]).to.deep.equal([true, true]);
      expect(host.callCount('sendChatMessage')).to.equal(1);
    });

    it('says 已发送 in the live region after a send', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const sent = once(el, 'juzi-sent');
      button(el).click();
      await sent;
      await settled(el);
      expect(status(el).textContent!.trim()).to.equal('已发送');
    });

    it('says why it failed in the live region, in English with lang="en"', async () => {
      host.setFault('sendChatMessage', { kind: 'fail' });
      const el = await fixture<JuziSendButton>(
        html`<juzi-send-button .bridge=${bridge} content="hi" lang="en"></juzi-send-button>`,
      );
      const failed = once(el, 'juzi-error');
      button(el).click();
      await failed;
      await settled(el);
      expect(status(el).textContent!.trim()).to.equal('Sending failed: The sidebar said: sendChatMessage:fail');
    });

    it('retries with the same message after a failure', async () => {
      host.setFault('sendChatMessage', { kind: 'fail' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      const { detail } = await failed;
      expect(detail.error).to.include({ code: 'host-fail', errMsg: 'sendChatMessage:fail' });
      expect(detail.message).to.deep.equal({ msgtype: 'text', text: { content: 'hi' } });
      await settled(el);
      expect(status(el).textContent!.trim()).to.equal('发送失败：侧边栏返回错误：sendChatMessage:fail');

      host.setFault('sendChatMessage', undefined);
      const sent = once(el, 'juzi-sent');
      button(el).click();
      expect((await sent).detail.message).to.deep.equal(detail.message);
      await settled(el);
      expect(host.callCount('sendChatMessage')).to.equal(2);
      expect(host.sent).to.deep.equal([detail.message]);
      expect(status(el).textContent!.trim()).to.equal('已发送');
    });

    it('is ready again when juzi-error fires, so a listener can retry at once', async () => {
      host.setFault('sendChatMessage', { kind: 'fail' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      let busyDuringError: boolean | undefined;
      let retry: Promise<boolean> | undefined;
      el.addEventListener(
        'juzi-error',
        () => {
          busyDuringError = el.busy;
          host.setFault('sendChatMessage', undefined);
          retry = el.send();
        },
        { once: true },
      );
      await rejection(el.send());
      expect(busyDuringError).to.equal(false);
      expect(await retry).to.equal(true);
      expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: 'hi' } }]);
    });

    it('ends not busy with a timeout error when the host never answers', async () => {
      host.setFault('sendChatMessage', { kind: 'never' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      expect((await failed).detail.error).to.include({ code: 'timeout', api: 'sendChatMessage' });
      await settled(el);
      expect(el.hasAttribute('busy')).to.be.false;
      expect(button(el).getAttribute('aria-busy')).to.equal('false');
      expect(status(el).textContent!.trim()).to.equal('发送失败：侧边栏没有响应，请稍后重试。');
    });

    it('send() resolves true when sent', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      expect(await el.send()).to.be.true;
      expect(host.sent).to.have.length(1);
      expect(el.busy).to.be.false;
    });

    it('send() resolves false when juzi-before-send is cancelled', async () => {
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      el.addEventListener('juzi-before-send', (event) => event.preventDefault());
      expect(await el.send()).to.be.false;
      expect(host.callCount()).to.equal(0);
    });

    it('send() resolves false when disabled', async () => {
      const el = await fixture<JuziSendButton>(
        html`<juzi-send-button .bridge=${bridge} content="hi" disabled></juzi-send-button>`,
      );
      expect(await el.send()).to.be.false;
      expect(host.callCount()).to.equal(0);
    });

    it('send() rejects with the JuziError that juzi-error reported', async () => {
      host.setFault('sendChatMessage', { kind: 'fail' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      const failed = once(el, 'juzi-error');
      const error = await rejection(el.send());
      expect(error).to.equal((await failed).detail.error);
      expect(error.code).to.equal('host-fail');
      expect(el.busy).to.be.false;
    });

    describe('removed while the send is pending', () => {
      let listening: AbortController;
      beforeEach(() => (listening = new AbortController()));
      afterEach(() => listening.abort());

      /**
       * Each juzi-sent / juzi-error about `content` that reaches the document. Only this test's:
       * an element an earlier test left pending reports to the document too.
       */
      const atDocument = (content: string) => {
        const seen: { name: string; target: string; detail: JuziErrorDetail }[] = [];
        for (const name of ['juzi-sent', 'juzi-error'] as const) {
          const note = (event: CustomEvent<JuziErrorDetail>) => {
            const { message } = event.detail;
            if (message?.msgtype !== 'text' || message.text.content !== content) return;
            seen.push({ name, target: event.target === document ? 'document' : 'element', detail: event.detail });
          };
          document.addEventListener(name, note as EventListener, { signal: listening.signal });
        }
        return seen;
      };
      const heard = (seen: { name: string; target: string }[]) => seen.map(({ name, target }) => `${name}:${target}`);

      it('still tells the page that the message was sent: juzi-sent reaches the document once', async () => {
        host.setLatency(30);
        const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="removed"></juzi-send-button>`);
        const seen = atDocument('removed');
        let onElement = 0;
        el.addEventListener('juzi-sent', () => (onElement += 1));
        button(el).click();
        el.remove();
        await waitUntil(() => seen.length, 'juzi-sent never reached the document');
        await tick(50);
        expect(heard(seen)).to.deep.equal(['juzi-sent:document']);
        expect(onElement).to.equal(1);
        expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: 'removed' } }]);
      });

      it('still tells the page that the send failed', async () => {
        host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'not in a chat' });
        host.setLatency(30);
        const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="failing"></juzi-send-button>`);
        const seen = atDocument('failing');
        button(el).click();
        el.remove();
        await waitUntil(() => seen.length, 'juzi-error never reached the document');
        expect(heard(seen)).to.deep.equal(['juzi-error:document']);
        expect(seen[0]!.detail.error).to.include({ code: 'host-fail', errMsg: 'not in a chat' });
      });

      it('reports once, from the element, when it was put back before the host answered', async () => {
        host.setLatency(30);
        const wrapper = parentWith();
        const el = await within<JuziSendButton>(wrapper, html`<juzi-send-button .bridge=${bridge} content="put back"></juzi-send-button>`);
        const seen = atDocument('put back');
        const sent = once(el, 'juzi-sent');
        button(el).click();
        el.remove();
        wrapper.append(el);
        await sent;
        await tick(50);
        expect(heard(seen)).to.deep.equal(['juzi-sent:element']);
      });
    });

    it('uses the bridge of a context provider above it', async () => {
      const wrapper = parentWith();
      new ContextProvider(wrapper, { context: bridgeContext, initialValue: bridge });
      const el = await within<JuziSendButton>(wrapper, html`<juzi-send-button content="from context"></juzi-send-button>`);
      expect(await el.send()).to.be.true;
      expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: 'from context' } }]);
    });
  });

  describe('bad input', () => {
    const refused: { name: string; template: (b: JuziBridge) => ReturnType<typeof html>; path: string }[] = [
      {
        name: 'blank content',
        template: (b) => html`<juzi-send-button .bridge=${b} content="   "></juzi-send-button>`,
        path: 'text.content',
      },
      {
        name: 'no content at all',
        template: (b) => html`<juzi-send-button .bridge=${b}></juzi-send-button>`,
        path: 'text.content',
      },
      {
        name: 'a javascript: url',
        template: (b) => html`<juzi-send-button .bridge=${b} msgtype="image" url="javascript:alert(1)"></juzi-send-button>`,
        path: 'image.url',
      },
      {
        name: 'a data: news link',
        template: (b) => html`<juzi-send-button .bridge=${b} msgtype="news" link="data:text/html,x"></juzi-send-button>`,
        path: 'news.link',
      },
      {
        name: 'a miniprogram without its fields',
        template: (b) => html`<juzi-send-button .bridge=${b} msgtype="miniprogram" appid="wx1"></juzi-send-button>`,
        path: 'miniprogram.title',
      },
      {
        name: 'an unknown msgtype',
        template: (b) => html`<juzi-send-button .bridge=${b} msgtype="sticker" content="hi"></juzi-send-button>`,
        path: 'msgtype',
      },
    ];
    for (const { name, template, path } of refused) {
      it(`reports ${name} as invalid-params without calling the host`, async () => {
        const el = await fixture<JuziSendButton>(template(bridge));
        const failed = once(el, 'juzi-error');
        button(el).click();
        const { error } = (await failed).detail;
        expect(error.code).to.equal('invalid-params');
        expect(error.issues!.map((issue) => issue.path.join('.'))).to.include(path);
        await settled(el);
        expect(host.callCount()).to.equal(0);
        expect(status(el).textContent).to.contain('发送失败：参数不正确：').and.to.contain(path);
      });
    }

    it('reports a malformed message property as invalid-params without calling the host', async () => {
      const message = { msgtype: 'text', text: { content: 42 } } as unknown as SendMessage;
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} .message=${message}></juzi-send-button>`);
      expect((await rejection(el.send())).code).to.equal('invalid-params');
      expect(host.callCount()).to.equal(0);
    });

    it('labels an exception thrown by page code as invalid-params, not as the host\'s words', async () => {
      // A page's own stand-in for the bridge, broken: the host is never reached.
      const broken = { sendChatMessage: () => { throw new TypeError('page bug'); } } as unknown as JuziBridge;
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${broken} content="hi" lang="en"></juzi-send-button>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      const { error } = (await failed).detail;
      expect(error).to.include({ code: 'invalid-params', api: 'juzi-send-button' });
      expect(error.errMsg).to.be.undefined;
      expect(error.cause).to.be.instanceOf(TypeError);
      expect(error.issues).to.deep.equal([{ path: [], message: 'TypeError: page bug' }]);
      await settled(el);
      expect(status(el).textContent!.trim()).to.equal('Sending failed: Invalid input: TypeError: page bug');
      await expect(el).to.be.accessible();
    });

    it('renders the host words as text, never as HTML', async () => {
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: '<img src=x onerror="window.__pwned=1">' });
      const el = await fixture<JuziSendButton>(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
      await rejection(el.send());
      await el.updateComplete;
      expect(status(el).querySelector('img')).to.be.null;
      expect(status(el).textContent).to.contain('<img src=x onerror="window.__pwned=1">');
      expect((window as { __pwned?: number }).__pwned).to.be.undefined;
    });
  });
});
