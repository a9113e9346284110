import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createBridge } from '../../src/bridge/index.js';
import type { JuziImagePreview } from '../../src/components/image-preview/image-preview.js';
import '../../src/define/image-preview.js';
import { createSimulatedHost } from '../../src/dev/index.js';
import { mount } from '../helpers.js';

const a = 'https://example.com/a.png';
const b = 'https://example.com/b.png';

function setup() {
  const host = createSimulatedHost();
  const bridge = createBridge({ host, timeout: 200 });
  return { host, bridge };
}

const thumbnails = (el: JuziImagePreview) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="thumbnail"]')];
const labels = (el: JuziImagePreview) => thumbnails(el).map((button) => button.textContent!.trim());
const images = (el: JuziImagePreview) => [...el.shadowRoot!.querySelectorAll<HTMLImageElement>('[part="image"]')];
const status = (el: JuziImagePreview) => el.shadowRoot!.querySelector('[part="status"]')!;
const absolute = (path: string) => new URL(path, location.href).href;

describe('<juzi-image-preview>', () => {
  describe('accessibility', () => {
    it('passes axe with urls', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      await expect(el).to.be.accessible();
    });

    it('passes axe with slotted images, disabled', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge} disabled>
          <img src="/demo/x.png" alt="Receipt" />
          <img src="/demo/y.png" />
        </juzi-image-preview>
      `);
      await expect(el).to.be.accessible();
    });

    it('passes axe while announcing a failure', async () => {
      const { host, bridge } = setup();
      host.setFault('previewImage', { kind: 'fail', errMsg: 'previewImage:fail no viewer' });
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      thumbnails(el)[0]!.click();
      await oneEvent(el, 'juzi-error');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('renders native buttons with decorative images and a polite status region', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      for (const button of thumbnails(el)) {
        expect(button.localName).to.equal('button');
        expect(button.type).to.equal('button');
      }
      expect(images(el).map((img) => img.getAttribute('alt'))).to.deep.equal(['', '']);
      expect(status(el).getAttribute('role')).to.equal('status');
    });

    it('names numbered thumbnails in Chinese by default', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      expect(labels(el)).to.deep.equal(['图片 1/2', '图片 2/2']);
    });

    it('names numbered thumbnails in English with lang="en"', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(
        html`<juzi-image-preview .bridge=${bridge} lang="en" urls="${a} ${b}"></juzi-image-preview>`,
      );
      expect(labels(el)).to.deep.equal(['Image 1 of 2', 'Image 2 of 2']);
    });

    it('takes lang from an ancestor', async () => {
      const { bridge } = setup();
      // mount(), not fixture(): fixture() of a plain wrapper waits for a frame a background tab never paints.
      const wrapper = await mount(html`<div lang="en-US"><juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview></div>`);
      const el = wrapper.querySelector('juzi-image-preview')!;
      await el.updateComplete;
      expect(labels(el)).to.deep.equal(['Image 1 of 1']);
    });

    it('names thumbnails of slotted images by their alt text, else by number', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}>
          <img src="/demo/x.png" alt="Receipt" />
          <img src="/demo/y.png" alt="  " />
        </juzi-image-preview>
      `);
      expect(labels(el)).to.deep.equal(['Receipt', '图片 2/2']);
    });
  });

  describe('attributes', () => {
    it('splits urls on any whitespace, newlines included', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview
        .bridge=${bridge}
        urls="
          ${a}
             ${b}	 "
      ></juzi-image-preview>`);
      expect(el.urls).to.deep.equal([a, b]);
      expect(images(el).map((img) => img.getAttribute('src'))).to.deep.equal([a, b]);
    });

    it('renders one thumbnail with an image per url', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      expect(thumbnails(el)).to.have.length(2);
      expect(images(el)).to.have.length(2);
      expect(thumbnails(el)[1]!.querySelector('[part="image"]')!.getAttribute('src')).to.equal(b);
    });

    it('takes the urls property as an array', async () => {
      const { host, bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} .urls=${[a, b]}></juzi-image-preview>`);
      expect(labels(el)).to.deep.equal(['图片 1/2', '图片 2/2']);
      el.urls = [b];
      await el.updateComplete;
      expect(images(el).map((img) => img.getAttribute('src'))).to.deep.equal([b]);
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[0]!.click();
      expect((await previewed).detail).to.deep.equal({ urls: [b], current: b });
      expect(host.calls[0]!.params).to.deep.equal({ current: b, urls: [b] });
    });

    it('follows a change of the urls attribute', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview>`);
      el.setAttribute('urls', `${b} ${a} ${b}`);
      await el.updateComplete;
      expect(labels(el)).to.deep.equal(['图片 1/3', '图片 2/3', '图片 3/3']);
    });

    it('uses the slotted images, resolved to absolute URLs, and keeps the originals hidden', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}>
          <img src="/demo/x.png" alt="Receipt" />
          <img src="/demo/y.png" alt="Invoice" />
        </juzi-image-preview>
      `);
      expect(images(el).map((img) => img.getAttribute('src'))).to.deep.equal([absolute('/demo/x.png'), absolute('/demo/y.png')]);
      for (const original of el.querySelectorAll('img')) expect(original.getClientRects()).to.have.length(0);
    });

    it('prefers urls over slotted images', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge} urls=${a}><img src="/demo/x.png" alt="Receipt" /></juzi-image-preview>
      `);
      expect(labels(el)).to.deep.equal(['图片 1/1']);
      expect(images(el)[0]!.getAttribute('src')).to.equal(a);
    });

    it('follows slotted images added and removed', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}><img src="/demo/x.png" alt="Receipt" /></juzi-image-preview>
      `);
      const added = document.createElement('img');
      added.src = '/demo/y.png';
      added.alt = 'Invoice';
      el.append(added);
      await waitUntil(() => labels(el).length === 2, 'the added image gets a thumbnail');
      expect(labels(el)).to.deep.equal(['Receipt', 'Invoice']);

      added.remove();
      await waitUntil(() => labels(el).length === 1, 'the removed image loses its thumbnail');
    });

    it('reflects disabled and marks thumbnails aria-disabled', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      expect(thumbnails(el).map((t) => t.getAttribute('aria-disabled'))).to.deep.equal(['false', 'false']);
      el.disabled = true;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.be.true;
      expect(thumbnails(el).map((t) => t.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true']);
    });

    it('sizes thumbnails from --juzi-image-preview-size and fits a 300px sidebar', async () => {
      const { bridge } = setup();
      const sidebar = (await mount(html`
        <div style="width: 300px">
          <juzi-image-preview .bridge=${bridge} urls="${a} ${b} ${a} ${b} ${a} ${b}"></juzi-image-preview>
        </div>
      `)).firstElementChild!;
      const el = sidebar.querySelector('juzi-image-preview')!;
      const first = thumbnails(el)[0]!.getBoundingClientRect();
      expect(first.width).to.equal(64);
      expect(first.height).to.equal(64);
      for (const button of thumbnails(el)) expect(button.getBoundingClientRect().right).to.be.at.most(sidebar.getBoundingClientRect().right);

      el.style.setProperty('--juzi-image-preview-size', '96px');
      expect(thumbnails(el)[0]!.getBoundingClientRect().width).to.equal(96);
      el.style.setProperty('--juzi-image-preview-size', '500px');
      expect(thumbnails(el)[0]!.getBoundingClientRect().width).to.be.at.most(300);
    });
  });

  describe('nested and broken images', () => {
    const missing = absolute('/no-such-image.png'); // the test server answers 404
    const label = (el: JuziImagePreview, index = 0) => el.shadowRoot!.querySelectorAll<HTMLElement>('[part="label"]')[index]!;

    it('counts images inside a slotted link or figure, in document order, and previews them', async () => {
      const { host, bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}>
          <a href="/demo/x-large.png"><img src="/demo/x.png" alt="Linked" /></a>
          <figure><img src="/demo/y.png" alt="In a figure" /><figcaption>Caption</figcaption></figure>
          <img src="/demo/z.png" alt="Direct" />
        </juzi-image-preview>
      `);
      expect(labels(el)).to.deep.equal(['Linked', 'In a figure', 'Direct']);
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[1]!.click();
      const urls = ['/demo/x.png', '/demo/y.png', '/demo/z.png'].map(absolute);
      expect((await previewed).detail).to.deep.equal({ urls, current: urls[1] });
      expect(host.calls.map((call) => call.api)).to.deep.equal(['previewImage']);
    });

    it('follows an image added inside a slotted wrapper later', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}><figure><img src="/demo/x.png" alt="First" /></figure></juzi-image-preview>
      `);
      const added = document.createElement('img');
      added.src = '/demo/y.png';
      added.alt = 'Second';
      el.querySelector('figure')!.append(added);
      await waitUntil(() => labels(el).length === 2, 'the nested image added later gets a thumbnail');
      expect(labels(el)).to.deep.equal(['First', 'Second']);
    });

    it('shows the name of an image that fails to load, and still previews it', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${missing} ${a}"></juzi-image-preview>`);
      await waitUntil(() => label(el).getBoundingClientRect().width > 1, 'the broken image gives way to its name');
      expect(label(el).textContent).to.equal('图片 1/2');
      expect(images(el)[0]!.getClientRects()).to.have.length(0);
      await expect(el).to.be.accessible();
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[0]!.click();
      expect((await previewed).detail).to.deep.equal({ urls: [missing, a], current: missing });
    });

    it('shows the alt text of a slotted image that fails to load', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}><a href="#"><img src="/no-such-image.png" alt="Receipt" /></a></juzi-image-preview>
      `);
      await waitUntil(() => label(el).getBoundingClientRect().width > 1, 'the broken image gives way to its alt text');
      expect(label(el).textContent).to.equal('Receipt');
    });
  });

  describe('events', () => {
    it('fires juzi-preview with all urls and the activated one', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      const previewed = oneEvent(document, 'juzi-preview');
      thumbnails(el)[1]!.click();
      const event = await previewed;
      expect(event.target).to.equal(el);
      expect(event.bubbles && event.composed).to.be.true;
      expect(event.detail).to.deep.equal({ urls: [a, b], current: b });
    });

    it('fires juzi-error with a JuziError and announces it', async () => {
      const { host, bridge } = setup();
      host.setFault('previewImage', { kind: 'fail', errMsg: 'previewImage:fail no viewer' });
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview>`);
      const failed = oneEvent(document, 'juzi-error');
      thumbnails(el)[0]!.click();
      const { detail, target, composed } = await failed;
      expect(target).to.equal(el);
      expect(composed).to.be.true;
      expect(detail.error).to.include({ code: 'host-fail', api: 'previewImage', errMsg: 'previewImage:fail no viewer' });
      await el.updateComplete;
      expect(status(el).textContent).to.equal('无法预览图片：侧边栏返回错误：previewImage:fail no viewer');
    });

    it('clears the announcement when the next preview starts', async () => {
      const { host, bridge } = setup();
      host.setFault('previewImage', { kind: 'fail' });
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview>`);
      thumbnails(el)[0]!.click();
      await oneEvent(el, 'juzi-error');
      await el.updateComplete;
      expect(status(el).textContent).not.to.equal('');
      host.setFault('previewImage', undefined);
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[0]!.click();
      await previewed;
      await el.updateComplete;
      expect(status(el).textContent).to.equal('');
    });
  });

  describe('bridge', () => {
    it('clicking the second thumbnail previews it among all', async () => {
      const { host, bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[1]!.click();
      expect((await previewed).detail).to.deep.equal({ urls: [a, b], current: b });
      expect(host.calls.map((c) => c.api)).to.deep.equal(['previewImage']);
      expect(host.calls[0]!.params).to.deep.equal({ current: b, urls: [a, b] });
    });

    it('previews slotted images by their absolute URLs', async () => {
      const { host, bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}>
          <img src="/demo/x.png" alt="Receipt" />
          <img src="/demo/y.png" alt="Invoice" />
        </juzi-image-preview>
      `);
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[0]!.click();
      await previewed;
      const urls = [absolute('/demo/x.png'), absolute('/demo/y.png')];
      expect(host.calls[0]!.params).to.deep.equal({ current: urls[0], urls });
    });

    // ' ' rather than 'Space': Firefox's WebDriver BiDi keyboard knows only the character.
    for (const [name, key] of [['Enter', 'Enter'], ['Space', ' ']] as const) {
      it(`opens the preview with ${name}`, async () => {
        const { host, bridge } = setup();
        const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
        thumbnails(el)[1]!.focus();
        const previewed = oneEvent(el, 'juzi-preview');
        await sendKeys({ press: key });
        expect((await previewed).detail.current).to.equal(b);
        expect(host.callCount('previewImage')).to.equal(1);
      });
    }

    it('opens once on a double activation', async () => {
      const { host, bridge } = setup();
      host.setLatency(50);
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${b}"></juzi-image-preview>`);
      let previews = 0;
      el.addEventListener('juzi-preview', () => (previews += 1));
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[0]!.click();
      thumbnails(el)[0]!.click();
      thumbnails(el)[1]!.click();
      expect(el.busy).to.be.true;
      await el.updateComplete;
      expect(el.hasAttribute('busy')).to.be.true;
      expect((await previewed).detail.current).to.equal(a);
      await el.updateComplete;
      expect(host.callCount('previewImage')).to.equal(1);
      expect(previews).to.equal(1);
      expect(el.hasAttribute('busy')).to.be.false;
    });

    it('is a timeout when the host never answers, and busy ends', async () => {
      const { host, bridge } = setup();
      host.setFault('previewImage', { kind: 'never' });
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview>`);
      const failed = oneEvent(el, 'juzi-error');
      thumbnails(el)[0]!.click();
      await el.updateComplete;
      expect(el.hasAttribute('busy')).to.be.true;
      expect((await failed).detail.error).to.include({ code: 'timeout', api: 'previewImage' });
      expect(el.busy).to.be.false;
      await el.updateComplete;
      expect(el.hasAttribute('busy')).to.be.false;
      expect(status(el).textContent).to.equal('无法预览图片：侧边栏没有响应，请稍后重试。');
    });

    it('is host-fail with the host words', async () => {
      const { host, bridge } = setup();
      host.setFault('previewImage', { kind: 'fail' });
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} lang="en" urls=${a}></juzi-image-preview>`);
      const failed = oneEvent(el, 'juzi-error');
      thumbnails(el)[0]!.click();
      expect((await failed).detail.error).to.include({ code: 'host-fail', errMsg: 'previewImage:fail' });
      await el.updateComplete;
      expect(status(el).textContent).to.equal('Could not preview the image: The sidebar said: previewImage:fail');
    });

    it('does nothing while disabled', async () => {
      const { host, bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} disabled urls="${a} ${b}"></juzi-image-preview>`);
      let events = 0;
      el.addEventListener('juzi-preview', () => (events += 1));
      el.addEventListener('juzi-error', () => (events += 1));
      thumbnails(el)[0]!.click();
      thumbnails(el)[0]!.focus();
      await sendKeys({ press: 'Enter' });
      expect(el.busy).to.be.false;
      // Enabled again, the same click reaches the host: had the disabled ones, there would be 3 calls.
      el.disabled = false;
      await el.updateComplete;
      const previewed = oneEvent(el, 'juzi-preview');
      thumbnails(el)[1]!.click();
      await previewed;
      expect(host.callCount('previewImage')).to.equal(1);
      expect(host.calls[0]!.params).to.deep.include({ current: b });
      expect(events).to.equal(1);
    });

    it('is unavailable without a host', async () => {
      const bridge = createBridge({ host: () => undefined, timeout: 200, readyTimeout: 100 });
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview>`);
      const failed = oneEvent(el, 'juzi-error');
      thumbnails(el)[0]!.click();
      expect((await failed).detail.error.code).to.equal('unavailable');
    });
  });

  describe('bad input', () => {
    for (const bad of ['javascript:alert(1)', 'data:image/png;base64,iVBORw0KGgo=', '/relative.png']) {
      it(`refuses ${bad.slice(0, 11)}… before the host and never puts it in an attribute`, async () => {
        const { host, bridge } = setup();
        const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls="${a} ${bad}"></juzi-image-preview>`);
        expect(labels(el)).to.deep.equal(['图片 1/2', '图片 2/2']);
        expect(images(el).map((img) => img.getAttribute('src'))).to.deep.equal([a]);
        expect(el.shadowRoot!.innerHTML).not.to.contain(bad);
        const failed = oneEvent(el, 'juzi-error');
        thumbnails(el)[1]!.click();
        const { error } = (await failed).detail;
        expect(error).to.include({ code: 'invalid-params', api: 'previewImage' });
        expect(host.callCount()).to.equal(0);
        await el.updateComplete;
        expect(status(el).textContent).to.contain('参数不正确：');
        expect(el.busy).to.be.false;
      });
    }

    it('shows a slotted image with a data: src as a label only', async () => {
      const { host, bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Dot" /></juzi-image-preview>
      `);
      expect(labels(el)).to.deep.equal(['Dot']);
      expect(images(el)).to.have.length(0);
      const failed = oneEvent(el, 'juzi-error');
      thumbnails(el)[0]!.click();
      expect((await failed).detail.error.code).to.equal('invalid-params');
      expect(host.callCount()).to.equal(0);
    });

    it('renders alt text as text, never as HTML', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}><img src="/demo/x.png" alt="<b onclick=alert(1)>x</b>" /></juzi-image-preview>
      `);
      expect(labels(el)).to.deep.equal(['<b onclick=alert(1)>x</b>']);
      expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    });

    it('renders nothing interactive and reports nothing when empty', async () => {
      const { host, bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge}></juzi-image-preview>`);
      let events = 0;
      el.addEventListener('juzi-error', () => (events += 1));
      expect(thumbnails(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('button, [tabindex], a[href]')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getClientRects()).to.have.length(0);
      expect(status(el).textContent).to.equal('');
      el.setAttribute('urls', '   \n ');
      await el.updateComplete;
      expect(thumbnails(el)).to.have.length(0);
      expect(events).to.equal(0);
      expect(host.callCount()).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('ignores slotted images without a src and other slotted content', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`
        <juzi-image-preview .bridge=${bridge}>
          <img alt="No source" />
          <span>caption</span>
          <figure><img src="/demo/x.png" alt="Nested" /></figure>
          <img src="/demo/y.png" alt="Direct" />
        </juzi-image-preview>
      `);
      expect(labels(el)).to.deep.equal(['Nested', 'Direct']);
    });

    it('survives a urls property that is not an array', async () => {
      const { bridge } = setup();
      const el = await fixture<JuziImagePreview>(html`<juzi-image-preview .bridge=${bridge} urls=${a}></juzi-image-preview>`);
      el.urls = `${a}  ${b}` as unknown as string[];
      await el.updateComplete;
      expect(labels(el)).to.deep.equal(['图片 1/2', '图片 2/2']);
      el.urls = null as unknown as string[];
      await el.updateComplete;
      expect(thumbnails(el)).to.have.length(0);
      el.urls = [a, 42, '  ', b] as unknown as string[];
      await el.updateComplete;
      expect(images(el).map((img) => img.getAttribute('src'))).to.deep.equal([a, b]);
    });
  });
});
