// Pages with no JavaScript of their own: markup only, the shared bridge, the helper's
// host on window.juziWx, and (for legacy pages) jQuery listening on document.
import { expect, waitUntil } from '@open-wc/testing';
import $ from 'jquery';
import '../../src/index.js';
import { getBridge, type JuziError, type SendMessage } from '../../src/index.js';
import { installSimulatedHost, defaultChats, type SimulatedHost } from '../../src/dev/index.js';

describe('plain HTML and jQuery pages', () => {
  let host: SimulatedHost;
  let page: HTMLElement;

  before(() => {
    host = installSimulatedHost();
    getBridge().configure({ timeout: 300 });
  });
  after(() => host.uninstall());

  beforeEach(async () => {
    host.clearCalls();
    page = document.createElement('main');
    page.innerHTML = `
      <juzi-chat-info></juzi-chat-info>
      <juzi-send-button content="你好"></juzi-send-button>
      <juzi-open-chat user-ids="zhangsan; lisi"></juzi-open-chat>
      <juzi-image-preview urls="https://example.com/1.png https://example.com/2.png"></juzi-image-preview>`;
    document.body.append(page);
    await Promise.all([...page.children].map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
  });
  afterEach(() => {
    page.remove();
    $(document).off('.plain');
  });

  const inner = (tag: string, selector: string) =>
    page.querySelector(tag)!.shadowRoot!.querySelector<HTMLElement>(selector)!;

  it('renders the chat from markup alone, on the shared bridge', async () => {
    const info = page.querySelector('juzi-chat-info')!;
    await waitUntil(() => info.chat?.id === defaultChats[0]!.Id);
    expect(info.activeBridge).to.equal(getBridge());
    expect(info.shadowRoot!.querySelector('[part~="name"]')?.textContent).to.equal(defaultChats[0]!.name);
  });

  it('delivers juzi-sent, juzi-chat-opened and juzi-preview to $(document).on', async () => {
    const seen: { type: string; detail: unknown }[] = [];
    $(document).on('juzi-sent.plain juzi-chat-opened.plain juzi-preview.plain', (event) => {
      seen.push({ type: event.type, detail: (event.originalEvent as CustomEvent).detail });
    });
    inner('juzi-send-button', 'button').click();
    inner('juzi-open-chat', 'button').click();
    page.querySelector('juzi-image-preview')!.shadowRoot!.querySelectorAll('button')[1]!.click();
    await waitUntil(() => seen.length === 3, 'jQuery did not receive all three events');
    const byType = Object.fromEntries(seen.map((e) => [e.type, e.detail]));
    expect(byType['juzi-sent']).to.deep.equal({ message: { msgtype: 'text', text: { content: '你好' } } });
    expect(byType['juzi-chat-opened']).to.deep.include({ userIds: ['zhangsan', 'lisi'] });
    expect(byType['juzi-preview']).to.deep.equal({
      urls: ['https://example.com/1.png', 'https://example.com/2.png'],
      current: 'https://example.com/2.png',
    });
    expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: '你好' } }]);
  });

  it('lets a jQuery handler cancel a send with preventDefault', async () => {
    $(document).on('juzi-before-send.plain', (event) => event.preventDefault());
    const sent = page.querySelector('juzi-send-button')!.send();
    expect(await sent).to.equal(false);
    expect(host.callCount('sendChatMessage')).to.equal(0);
  });

  it('delivers juzi-error with the JuziError and the message to jQuery', async () => {
    host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'text content is empty' });
    try {
      const errors: { error: JuziError; message?: SendMessage }[] = [];
      $(document).on('juzi-error.plain', (event) => errors.push((event.originalEvent as CustomEvent).detail));
      inner('juzi-send-button', 'button').click();
      await waitUntil(() => errors.length === 1);
      expect(errors[0]!.error).to.include({ code: 'host-fail', errMsg: 'text content is empty' });
      expect(errors[0]!.message).to.deep.equal({ msgtype: 'text', text: { content: '你好' } });
    } finally {
      host.setFault('sendChatMessage', undefined);
    }
  });
});
