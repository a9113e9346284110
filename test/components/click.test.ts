// click() on the element itself, as legacy pages and jQuery's .trigger('click') do it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import $ from 'jquery';
import { createBridge, type JuziBridge } from '../../src/bridge/index.js';
import type { JuziAuth } from '../../src/components/auth/auth.js';
import type { JuziImagePreview } from '../../src/components/image-preview/image-preview.js';
import '../../src/define/auth.js';
import '../../src/define/image-preview.js';
import '../../src/define/open-chat.js';
import '../../src/define/send-button.js';
import { createSimulatedHost, type SimulatedHost } from '../../src/dev/index.js';
import { seedUserInfo } from '../../src/dev/region-server.js';
import { tick } from '../helpers.js';
import { once, settled } from './action-helpers.js';

const a = 'https://example.com/a.png';
const b = 'https://example.com/b.png';

/** The two ways a page clicks an element by script. */
const clickers: [string, (el: Element) => void][] = [
  ['el.click()', (el) => (el as HTMLElement).click()],
  ["jQuery's .trigger('click')", (el) => void $(el).trigger('click')],
];

describe('click() on acting elements', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;
  let listening: AbortController;

  beforeEach(() => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 500 });
    listening = new AbortController();
  });
  afterEach(() => listening.abort());

  for (const [how, click] of clickers) {
    describe(how, () => {
      it('sends from <juzi-send-button>, once, with one click event reaching the page', async () => {
        const el = await fixture(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
        let clicks = 0;
        document.addEventListener('click', () => (clicks += 1), { signal: listening.signal });
        const sent = once(el, 'juzi-sent');
        click(el);
        await sent;
        expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: 'hi' } }]);
        expect(clicks).to.equal(1);
      });

      it('opens the chat from <juzi-open-chat>', async () => {
        const el = await fixture(html`<juzi-open-chat .bridge=${bridge} user-ids="u1"></juzi-open-chat>`);
        const opened = once(el, 'juzi-chat-opened');
        click(el);
        expect((await opened).detail.userIds).to.deep.equal(['u1']);
        expect(host.callCount('openEnterpriseChat')).to.equal(1);
      });

      it('signs in from <juzi-auth>', async () => {
        const el = await fixture<JuziAuth>(html`<juzi-auth region-url="https://hub.example.com"></juzi-auth>`);
        const urls: string[] = [];
        el.navigate = (url) => urls.push(url);
        click(el);
        await waitUntil(() => urls.length === 1, 'did not leave for the region');
        expect(new URL(urls[0]!).pathname).to.equal('/oauth/connect/authorize');
      });

      it('previews the first image from the <juzi-image-preview> element itself', async () => {
        const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
        const previewed = once(el, 'juzi-preview');
        click(el);
        expect((await previewed).detail).to.deep.equal({ urls: [a, b], current: a });
      });

      it('previews a slotted image clicked by script, also one inside a slotted link, without following the link', async () => {
        const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge}>
          <img src=${a} alt="A" />
          <a href="#followed"><img src=${b} alt="B" /></a>
        </juzi-image-preview>`);
        let previewed = once(el, 'juzi-preview');
        click(el.querySelector('img')!);
        expect((await previewed).detail).to.deep.equal({ urls: [a, b], current: a });
        await settled(el);
        previewed = once(el, 'juzi-preview');
        click(el.querySelector('a img')!);
        expect((await previewed).detail.current).to.equal(b);
        expect(location.hash).not.to.equal('#followed');
      });

      it('does nothing when disabled', async () => {
        const elements = await Promise.all([
          fixture(html`<juzi-send-button .bridge=${bridge} content="hi" disabled></juzi-send-button>`),
          fixture(html`<juzi-open-chat .bridge=${bridge} user-ids="u1" disabled></juzi-open-chat>`),
          fixture(html`<juzi-image-preview .bridge=${bridge} urls=${a} disabled></juzi-image-preview>`),
        ]);
        const auth = await fixture<JuziAuth>(html`<juzi-auth region-url="https://hub.example.com" disabled></juzi-auth>`);
        let navigated = 0;
        auth.navigate = () => (navigated += 1);
        let before = 0;
        document.addEventListener('juzi-before-send', () => (before += 1), { signal: listening.signal });
        for (const el of [...elements, auth]) click(el);
        await tick(50);
        expect(host.callCount()).to.equal(0);
        expect([before, navigated]).to.deep.equal([0, 0]);
      });

      it('acts once for two clicks while the host works', async () => {
        host.setLatency(50);
        const send = await fixture(html`<juzi-send-button .bridge=${bridge} content="hi"></juzi-send-button>`);
        const preview = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview>`);
        const sent = once(send, 'juzi-sent');
        const previewed = once(preview, 'juzi-preview');
        for (const el of [send, send, preview, preview]) click(el);
        await Promise.all([sent, previewed]);
        expect(host.callCount('sendChatMessage')).to.equal(1);
        expect(host.callCount('previewImage')).to.equal(1);
      });

      it('does not sign in again from a signed-in <juzi-auth>', async () => {
        const el = await fixture<JuziAuth>(html`<juzi-auth region-url="https://hub.example.com" .user=${seedUserInfo}></juzi-auth>`);
        let navigated = 0;
        el.navigate = () => (navigated += 1);
        click(el);
        await tick(50);
        expect(navigated).to.equal(0);
        expect(el.status).to.equal('signed-in');
      });
    });
  }
});
