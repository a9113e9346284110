// Tests on the built files, not the sources: what a CDN or npm user actually loads.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { classicScript } from '../helpers.js';

type Module = Record<string, unknown> & {
  getBridge(): unknown;
};
type SimulatedHostLike = { sent: unknown[]; callCount(api?: string): number; uninstall(): void };
type DevModule = { installSimulatedHost(options?: object): SimulatedHostLike };

const tags = ['juzi-chat-info', 'juzi-send-button', 'juzi-open-chat', 'juzi-image-preview'];

/** Imports a built ES module by URL (kept out of TypeScript's and the dev server's resolution). */
const load = <T>(url: string): Promise<T> => import(/* @vite-ignore */ url) as Promise<T>;


const shadow = (el: Element | null) => el!.shadowRoot!;

describe('built bundles (dist/)', () => {
  let esm: Module;
  let dev: DevModule;
  let host: SimulatedHostLike;
  const pageErrors: unknown[] = [];
  const onError = (event: ErrorEvent) => pageErrors.push(event.error ?? event.message);

  before(async () => {
    window.addEventListener('error', onError);
    dev = await load<DevModule>('/dist/juzi-elements-dev.js');
    host = dev.installSimulatedHost();
    esm = await load<Module>('/dist/juzi-elements.js');
  });
  after(() => {
    window.removeEventListener('error', onError);
    host.uninstall();
  });
  afterEach(() => sinon.restore());

  it('the ESM bundle defines every tag, with lit inside (no bare imports)', async () => {
    for (const tag of tags) expect(customElements.get(tag), tag).to.be.a('function');
    const source = await (await fetch('/dist/juzi-elements.js')).text();
    expect(source).not.to.match(/\bfrom\s*["'](lit|zod|@lit)/);
    expect(source).not.to.contain('Lit is in dev mode');
  });

  it('each element works against the simulated host', async () => {
    const page = document.createElement('div');
    page.innerHTML = `<juzi-chat-info></juzi-chat-info>
      <juzi-send-button content="你好"></juzi-send-button>
      <juzi-open-chat user-ids="zhangsan"></juzi-open-chat>
      <juzi-image-preview urls="https://example.com/1.png"></juzi-image-preview>`;
    document.body.append(page);
    try {
      const info = page.querySelector('juzi-chat-info');
      await waitUntil(() => shadow(info).querySelector('[part~="name"]'), 'chat-info never rendered the chat');
      const events: string[] = [];
      for (const type of ['juzi-sent', 'juzi-chat-opened', 'juzi-preview']) page.addEventListener(type, (e) => events.push(e.type));
      await waitUntil(() => shadow(page.querySelector('juzi-send-button')).querySelector('button'));
      shadow(page.querySelector('juzi-send-button')).querySelector('button')!.click();
      shadow(page.querySelector('juzi-open-chat')).querySelector('button')!.click();
      shadow(page.querySelector('juzi-image-preview')).querySelector('button')!.click();
      await waitUntil(() => events.length === 3, `only ${events.join(', ')}`);
      expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: '你好' } }]);
      expect(host.callCount('getCurChatInfo')).to.equal(1);
    } finally {
      page.remove();
    }
  });

  it('the IIFE bundle loaded after the ESM one is harmless, complete, and shares the bridge', async () => {
    const warn = sinon.spy(console, 'warn');
    await classicScript('/dist/juzi-elements.iife.js');
    const global = (window as unknown as { JuziElements: Module }).JuziElements;
    for (const name of ['getBridge', 'createBridge', 'JuziError', 'isJuziError', 'JuziBridge', 'JuziChatInfo', 'JuziSendButton', 'JuziOpenChat', 'JuziImagePreview', 'JuziSentEvent', 'bridgeContext']) {
      expect(global[name], name).to.exist;
    }
    expect(global.getBridge()).to.equal(esm.getBridge());
    expect(warn.called).to.equal(false); // same version: silent
    expect(pageErrors).to.deep.equal([]);
  });

  it('another version loaded on top never throws and warns once', async () => {
    const warn = sinon.stub(console, 'warn');
    const source = await (await fetch('/dist/juzi-elements.iife.js')).text();
    const version = (esm.JuziElement as { version: string }).version;
    const literal = new RegExp(`(["'\`])${version.replaceAll('.', '\\.')}\\1`, 'g');
    expect(source.match(literal), 'the version literal appears once').to.have.length(1);
    const other = URL.createObjectURL(
      new Blob([source.replace(literal, '"99.0.0"').replace(/var JuziElements\b/, 'var JuziElementsOther')], {
        type: 'text/javascript',
      }),
    );
    await classicScript(other);
    URL.revokeObjectURL(other);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain('99.0.0');
    expect(pageErrors).to.deep.equal([]);
  });

  it('the classic-script simulated host exposes JuziElementsDev', async () => {
    await classicScript('/dist/juzi-elements-dev.iife.js');
    const global = (window as unknown as { JuziElementsDev: Record<string, unknown> }).JuziElementsDev;
    expect(global.createSimulatedHost).to.be.a('function');
    expect(global.installSimulatedHost).to.be.a('function');
  });
});
