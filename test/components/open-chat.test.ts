import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createBridge, type JuziBridge } from '../../src/bridge/index.js';
import type { JuziOpenChat } from '../../src/components/open-chat/open-chat.js';
import '../../src/define/open-chat.js';
import { createSimulatedHost, type SimulatedHost } from '../../src/dev/index.js';
import { rejection } from '../helpers.js';
import { button, label, once, settled, spinner, status, within } from './action-helpers.js';

/** What the host's openEnterpriseChat received, callbacks left out. */
const opened = (host: SimulatedHost) => host.calls.filter((c) => c.api === 'openEnterpriseChat').map((c) => c.params);

describe('<juzi-open-chat>', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;

  beforeEach(() => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 200 });
  });

  describe('accessibility', () => {
    it('is accessible when idle', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      await expect(el).to.be.accessible();
    });

    it('is accessible while busy', async () => {
      bridge.configure({ timeout: 5000 }); // long enough for axe to run while the call is pending
      host.setFault('openEnterpriseChat', { kind: 'never' });
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      button(el).click();
      await el.updateComplete;
      expect(el.busy).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('is accessible after an error', async () => {
      host.setFault('openEnterpriseChat', { kind: 'fail' });
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      await failed;
      await settled(el);
      expect(status(el).textContent).to.contain('打开会话失败');
      await expect(el).to.be.accessible();
    });

    it('opens with Enter on the focused button', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      button(el).focus();
      const done = once(el, 'juzi-chat-opened');
      await sendKeys({ press: 'Enter' });
      await done;
      expect(opened(host)).to.deep.equal([{ userIds: 'u1' }]);
    });

    it('opens with Space on the focused button', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      button(el).focus();
      const done = once(el, 'juzi-chat-opened');
      await sendKeys({ press: ' ' }); // ' ', not 'Space': Firefox's driver only knows the key value
      await done;
      expect(host.callCount('openEnterpriseChat')).to.equal(1);
    });
  });

  describe('attributes', () => {
    it('splits lists on ";" and ",", trims them and drops empties', async () => {
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat
          .bridge=${bridge}
          user-ids=" a; b,,c , ;"
          external-user-ids="wm1 ,wm2"
          chat-id=" wr1 "
        ></juzi-open-chat>`,
      );
      const done = once(el, 'juzi-chat-opened');
      button(el).click();
      expect((await done).detail).to.deep.equal({ userIds: ['a', 'b', 'c'], externalUserIds: ['wm1', 'wm2'], chatId: 'wr1' });
      expect(opened(host)).to.deep.equal([{ userIds: 'a;b;c', externalUserIds: 'wm1;wm2', chatId: 'wr1' }]);
    });

    it('takes arrays as properties, trimmed and without empties', async () => {
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} .userIds=${[' a ', '', 'b']} .externalUserIds=${['  ', 'wm1']}></juzi-open-chat>`,
      );
      expect(await el.open()).to.be.true;
      expect(opened(host)).to.deep.equal([{ userIds: 'a;b', externalUserIds: 'wm1' }]);
    });

    it('takes a list string as a property', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge}></juzi-open-chat>`);
      el.userIds = 'u1;u2';
      el.chatId = 'wr9';
      await el.open();
      expect(opened(host)).to.deep.equal([{ userIds: 'u1;u2', chatId: 'wr9' }]);
    });

    it('leaves out external ids when empty and a chat id when blank', async () => {
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} user-ids="u1" external-user-ids=" ; " chat-id="  "></juzi-open-chat>`,
      );
      await el.open();
      expect(opened(host)).to.deep.equal([{ userIds: 'u1' }]);
    });

    it('shows 打开会话 by default', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      expect(label(el)).to.equal('打开会话');
    });

    it('shows Open chat with lang="en" on the element', async () => {
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} user-ids="u1" lang="en"></juzi-open-chat>`,
      );
      expect(label(el)).to.equal('Open chat');
    });

    it('shows Open chat with lang="en" on an ancestor', async () => {
      const section = document.createElement('section');
      section.lang = 'en';
      const el = await within<JuziOpenChat>(section, html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      expect(label(el)).to.equal('Open chat');
    });

    it('lets a slotted label replace the default', async () => {
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} user-ids="u1">联系客服</juzi-open-chat>`,
      );
      expect(label(el)).to.equal('联系客服');
    });

    it('keeps the default label when only whitespace sits between the tags', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1">
      </juzi-open-chat>`);
      expect(label(el)).to.equal('打开会话');
      await expect(el).to.be.accessible();
    });

    it('reflects disabled, disables the inner button, and ignores clicks', async () => {
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} user-ids="u1" disabled></juzi-open-chat>`,
      );
      expect(el.hasAttribute('disabled')).to.be.true;
      expect(button(el).disabled).to.be.true;
      button(el).click();
      expect(await el.open()).to.be.false;
      expect(host.callCount()).to.equal(0);
    });

    it('reflects busy, sets aria-busy and shows the spinner while pending, then clears them', async () => {
      host.setLatency(50);
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      const done = once(el, 'juzi-chat-opened');
      button(el).click();
      await el.updateComplete;
      expect(el.hasAttribute('busy')).to.be.true;
      expect(button(el).getAttribute('aria-busy')).to.equal('true');
      expect(spinner(el)).to.exist;
      await done;
      await settled(el);
      expect(el.hasAttribute('busy')).to.be.false;
      expect(button(el).getAttribute('aria-busy')).to.equal('false');
      expect(spinner(el)).to.be.null;
    });
  });

  describe('events', () => {
    it('fires juzi-chat-opened with the lists, bubbling out of shadow roots, and no chatId when none was given', async () => {
      const wrapper = document.createElement('div');
      const el = await within<JuziOpenChat>(wrapper, html`<juzi-open-chat .bridge=${bridge} user-ids="u1,u2"></juzi-open-chat>`);
      const done = once(wrapper, 'juzi-chat-opened');
      button(el).click();
      const event = await done;
      expect(event.composed).to.be.true;
      expect(event.detail).to.deep.equal({ userIds: ['u1', 'u2'], externalUserIds: [] });
    });

    it('fires juzi-error with the host words when the host fails', async () => {
      host.setFault('openEnterpriseChat', { kind: 'fail', errMsg: 'openEnterpriseChat:fail no permission' });
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      const { detail } = await failed;
      expect(detail.error).to.include({
        code: 'host-fail',
        api: 'openEnterpriseChat',
        errMsg: 'openEnterpriseChat:fail no permission',
      });
      expect(detail).not.to.have.property('message');
    });
  });

  describe('bridge', () => {
    it('opens once for a double click while the host works', async () => {
      host.setLatency(50);
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      let count = 0;
      el.addEventListener('juzi-chat-opened', () => (count += 1));
      const done = once(el, 'juzi-chat-opened');
      button(el).click();
      button(el).click();
      await done;
      await settled(el);
      expect(host.callCount('openEnterpriseChat')).to.equal(1);
      expect(count).to.equal(1);
    });

    it('says 已打开会话 in the live region after opening', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      const done = once(el, 'juzi-chat-opened');
      button(el).click();
      await done;
      await settled(el);
      expect(status(el).textContent!.trim()).to.equal('已打开会话');
    });

    it('says why it failed in the live region, and retries after a failure', async () => {
      host.setFault('openEnterpriseChat', { kind: 'fail' });
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} user-ids="u1" lang="en"></juzi-open-chat>`,
      );
      const failed = once(el, 'juzi-error');
      button(el).click();
      await failed;
      await settled(el);
      expect(status(el).textContent!.trim()).to.equal(
        'Could not open the chat: The sidebar said: openEnterpriseChat:fail',
      );

      host.setFault('openEnterpriseChat', undefined);
      const done = once(el, 'juzi-chat-opened');
      button(el).click();
      await done;
      await settled(el);
      expect(host.callCount('openEnterpriseChat')).to.equal(2);
      expect(status(el).textContent!.trim()).to.equal('Chat opened');
    });

    it('ends not busy with a timeout error when the host never answers', async () => {
      host.setFault('openEnterpriseChat', { kind: 'never' });
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      const failed = once(el, 'juzi-error');
      button(el).click();
      expect((await failed).detail.error).to.include({ code: 'timeout', api: 'openEnterpriseChat' });
      await settled(el);
      expect(el.hasAttribute('busy')).to.be.false;
      expect(status(el).textContent!.trim()).to.equal('打开会话失败：侧边栏没有响应，请稍后重试。');
    });

    it('open() resolves true when opened', async () => {
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      expect(await el.open()).to.be.true;
      expect(el.busy).to.be.false;
    });

    it('open() resolves false when disabled', async () => {
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} user-ids="u1" disabled></juzi-open-chat>`,
      );
      expect(await el.open()).to.be.false;
      expect(host.callCount()).to.equal(0);
    });

    it('open() rejects with the JuziError that juzi-error reported', async () => {
      host.setFault('openEnterpriseChat', { kind: 'fail' });
      const el = await fixture<JuziOpenChat>(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
      const failed = once(el, 'juzi-error');
      const error = await rejection(el.open());
      expect(error).to.equal((await failed).detail.error);
      expect(error.code).to.equal('host-fail');
    });
  });

  describe('bad input', () => {
    const noMember: { name: string; template: (b: JuziBridge) => ReturnType<typeof html> }[] = [
      { name: 'no user-ids', template: (b) => html`<juzi-open-chat .bridge=${b}></juzi-open-chat>` },
      { name: 'a user-ids list of separators', template: (b) => html`<juzi-open-chat .bridge=${b} user-ids=" ; , "></juzi-open-chat>` },
      {
        name: 'only external ids and a chat id',
        template: (b) => html`<juzi-open-chat .bridge=${b} external-user-ids="wm1" chat-id="wr1"></juzi-open-chat>`,
      },
      { name: 'an empty array', template: (b) => html`<juzi-open-chat .bridge=${b} .userIds=${[]}></juzi-open-chat>` },
    ];
    for (const { name, template } of noMember) {
      it(`reports ${name} as invalid-params without calling the host`, async () => {
        const el = await fixture<JuziOpenChat>(template(bridge));
        const failed = once(el, 'juzi-error');
        button(el).click();
        const { error } = (await failed).detail;
        expect(error).to.include({ code: 'invalid-params', api: 'openEnterpriseChat' });
        expect(error.issues!.map((issue) => issue.path.join('.'))).to.include('userIds');
        await settled(el);
        expect(host.callCount()).to.equal(0);
        expect(status(el).textContent).to.contain('打开会话失败：参数不正确：userIds');
      });
    }

    it('renders ids and host words as text, never as HTML', async () => {
      host.setFault('openEnterpriseChat', { kind: 'fail', errMsg: '<b id="injected">no</b>' });
      const el = await fixture<JuziOpenChat>(
        html`<juzi-open-chat .bridge=${bridge} user-ids="<i>u1</i>"></juzi-open-chat>`,
      );
      await rejection(el.open());
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#injected, i')).to.be.null;
      expect(status(el).textContent).to.contain('<b id="injected">no</b>');
      expect(opened(host)).to.deep.equal([{ userIds: '<i>u1</i>' }]);
    });
  });
});
