// The React wrappers (juzi-elements/react) in React 19: render, set props, receive events.
import { expect, waitUntil } from '@open-wc/testing';
import type * as App from './react-app.js';

const app = (await import('./react-app.bundle.js' as string)) as typeof App;
const kebab = (name: string) => name.replace(/[A-Z]/g, (c, at: number) => (at ? '-' : '') + c.toLowerCase());
const sendButton = (container: HTMLElement) => container.querySelector('juzi-send-button')!;
const text = { msgtype: 'text', text: { content: '你好' } } as const;

describe('juzi-elements/react', () => {
  let container: HTMLElement;
  let page: ReturnType<typeof App.mount> | undefined;

  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    page?.root.unmount();
    page = undefined;
    container.remove();
  });

  it('has a wrapper for every tag, rendering that tag defined', () => {
    const names = Object.keys(app.wrappers);
    expect(names).to.include.members(['JuziSendButton', 'JuziChatInfo', 'JuziOpenChat', 'JuziImagePreview', 'JuziAuth']);
    for (const name of names) {
      const tag = kebab(name);
      const each = container.appendChild(document.createElement('div'));
      app.render(each, name as keyof typeof App.wrappers);
      const rendered = each.firstElementChild!;
      expect(rendered.localName, name).to.equal(tag);
      expect(rendered).to.be.instanceOf(customElements.get(tag)!);
    }
  });

  it('sets properties as properties and delivers juzi-sent to onJuziSent', async () => {
    const host = app.createSimulatedHost({ latency: 0 });
    const bridge = app.createBridge({ host, timeout: 1000 });
    const sent: unknown[] = [];
    page = app.mount(container, { bridge, message: text, onSent: (e) => sent.push(e.detail.message), onError: () => {} });
    const el = sendButton(container);
    expect(el.message).to.deep.equal(text);
    expect(el.hasAttribute('message')).to.equal(false);
    expect(el.bridge).to.equal(bridge);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!.click();
    await waitUntil(() => sent.length === 1, 'onJuziSent was not called');
    expect(sent[0]).to.deep.equal(text);
    expect(host.sent).to.deep.equal([text]);
  });

  it('passes new props on re-render, and a disabled button sends nothing', async () => {
    const host = app.createSimulatedHost({ latency: 0 });
    const bridge = app.createBridge({ host, timeout: 1000 });
    const sent: unknown[] = [];
    page = app.mount(container, { bridge, message: text, onSent: (e) => sent.push(e.detail.message), onError: () => {} });
    const next = { msgtype: 'news', news: { link: 'https://example.com', title: '官网' } } as const;
    page.update({ message: next });
    expect(sendButton(container).message).to.deep.equal(next);
    page.update({ disabled: true });
    const el = sendButton(container);
    await el.updateComplete;
    expect(el.disabled).to.equal(true);
    expect(await el.send()).to.equal(false);
    expect(host.callCount('sendChatMessage')).to.equal(0);
  });

  it('delivers juzi-error to onJuziError with the typed detail', async () => {
    const host = app.createSimulatedHost({ latency: 0 });
    const bridge = app.createBridge({ host, timeout: 1000 });
    const codes: string[] = [];
    page = app.mount(container, { bridge, message: { msgtype: 'voice' } as never, onSent: () => {}, onError: (e) => codes.push(e.detail.error.code) });
    await sendButton(container).send().catch(() => {});
    await waitUntil(() => codes.includes('invalid-params'), `codes: ${codes.join()}`);
  });

  it('shows the chat through a bridge passed as a prop', async () => {
    const host = app.createSimulatedHost({ latency: 0 });
    const bridge = app.createBridge({ host, timeout: 1000 });
    page = app.mount(container, { bridge, message: text, onSent: () => {}, onError: () => {} });
    const info = container.querySelector('juzi-chat-info')!;
    await waitUntil(() => info.shadowRoot?.textContent?.includes(host.currentChat.name), 'the chat name never showed');
  });
});
