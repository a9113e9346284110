import { expect, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import sinon from 'sinon';
import { bridgeContext } from '../../src/internal/context.js';
import { JuziChatInfo } from '../../src/components/chat-info/chat-info.js';
import '../../src/define/chat-info.js';
import '../../src/define/send-button.js';
import { JuziSendButton } from '../../src/components/send-button/send-button.js';
import { createBridge, getBridge } from '../../src/bridge/index.js';
import { JuziElement } from '../../src/internal/juzi-element.js';
import { createSimulatedHost, defaultChats } from '../../src/dev/index.js';

describe('registration and bridge lookup', () => {
  afterEach(() => sinon.restore());

  describe('define()', () => {
    it('defines a free tag', () => {
      class Fresh extends JuziElement {}
      Fresh.define('juzi-test-fresh');
      expect(customElements.get('juzi-test-fresh')).to.equal(Fresh);
    });

    it('does nothing, silently, when the same version is registered twice', () => {
      const warn = sinon.stub(console, 'warn');
      class SameVersionCopy extends JuziChatInfo {}
      expect(() => {
        JuziChatInfo.define('juzi-chat-info');
        SameVersionCopy.define('juzi-chat-info');
      }).not.to.throw();
      expect(customElements.get('juzi-chat-info')).to.equal(JuziChatInfo);
      expect(warn.called).to.equal(false);
    });

    it('warns once for all its tags, and never throws, when another version is already registered', () => {
      const warn = sinon.stub(console, 'warn');
      class OtherVersion extends JuziChatInfo {
        static override readonly version = '99.0.0';
      }
      class OtherVersionButton extends JuziSendButton {
        static override readonly version = '99.0.0';
      }
      expect(() => {
        OtherVersion.define('juzi-chat-info');
        OtherVersion.define('juzi-chat-info');
        OtherVersionButton.define('juzi-send-button');
      }).not.to.throw();
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.contain('99.0.0').and.contain(JuziChatInfo.version);
      expect(customElements.get('juzi-chat-info')).to.equal(JuziChatInfo);
    });

    it('warns instead of throwing when the browser refuses the tag', () => {
      const warn = sinon.stub(console, 'warn');
      class BadName extends JuziElement {}
      expect(() => BadName.define('notavalidname')).not.to.throw();
      expect(warn.callCount).to.equal(1);
    });

    it('carries the version of package.json', async () => {
      const pkg = (await (await fetch('/package.json')).json()) as { version: string };
      expect(JuziElement.version).to.equal(pkg.version);
    });
  });

  describe('bridge lookup order', () => {
    it('uses a @lit/context provider above the element before the shared bridge', async () => {
      const provided = createBridge({ host: createSimulatedHost({ chat: 2 }) });
      const wrapper = document.createElement('div');
      new ContextProvider(wrapper, { context: bridgeContext, initialValue: provided });
      document.body.append(wrapper);
      try {
        const el = wrapper.appendChild(document.createElement('juzi-chat-info'));
        expect(el.activeBridge).to.equal(provided);
        expect(el.activeBridge).not.to.equal(getBridge());
        await waitUntil(() => el.chat?.id === defaultChats[2]!.Id);
      } finally {
        wrapper.remove();
      }
    });

    it('prefers its own bridge property over the provider', async () => {
      const own = createBridge({ host: createSimulatedHost({ chat: 1 }) });
      const wrapper = document.createElement('div');
      new ContextProvider(wrapper, { context: bridgeContext, initialValue: createBridge({ host: createSimulatedHost() }) });
      document.body.append(wrapper);
      try {
        const el = document.createElement('juzi-chat-info');
        el.bridge = own;
        wrapper.append(el);
        expect(el.activeBridge).to.equal(own);
        await waitUntil(() => el.chat?.id === defaultChats[1]!.Id);
      } finally {
        wrapper.remove();
      }
    });
  });
});
