// dist/juzi-devtools.js as a page loads it: next to each juzi-elements build, sharing its
// bridge, mounting itself on ?juzi-debug=1, and not part of the all-in-one bundle.
import { expect, waitUntil } from '@open-wc/testing';
import type { JuziDevtools } from '../../src/components/devtools/devtools.js';

type PageWindow = Window & { loaded?: boolean; JuziElements: { getBridge(): unknown } };

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

/** Opens the test page in an iframe and waits until its scripts ran. */
async function open(query: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.src = `/test/dist/devtools-page.html${query}`;
  frame.style.cssText = 'width: 320px; height: 600px';
  document.body.append(frame);
  frames.push(frame);
  await waitUntil(() => (frame.contentWindow as PageWindow | null)?.loaded, 'the page never finished loading', { timeout: 8000 });
  return frame.contentWindow as PageWindow;
}

describe('dist/juzi-devtools.js', () => {
  for (const bundle of ['iife', 'esm', 'lib']) {
    it(`?juzi-debug=1 mounts one panel that shares the page's bridge (${bundle} build)`, async () => {
      const win = await open(`?juzi-debug=1&bundle=${bundle}`);
      const panels = win.document.querySelectorAll('juzi-devtools');
      expect(panels).to.have.length(1);
      const panel = panels[0] as JuziDevtools;
      expect(panel.activeBridge).to.equal(win.JuziElements.getBridge());
      const toggle = panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
      toggle.click();
      await waitUntil(
        () => panel.shadowRoot!.querySelector('[part="call"] strong')?.textContent === 'getCurChatInfo',
        "the panel never showed the page's chat read",
      );
      expect(panel.shadowRoot!.querySelector('.environment')!.textContent).to.contain('found (juziWx)');
      // the page's own markup and styles are as they were
      const own = win.document.getElementById('own')!;
      expect(own.outerHTML).to.equal('<p id="own">The page\'s own content.</p>');
      expect(win.getComputedStyle(own).color).to.equal('rgb(1, 2, 3)');
    });
  }

  it('without juzi-debug=1 it defines the tag but mounts nothing', async () => {
    const win = await open('?bundle=esm');
    expect(win.customElements.get('juzi-devtools')).to.be.a('function');
    expect(win.document.querySelector('juzi-devtools')).to.equal(null);
  });

  it('is not in the all-in-one bundles', async () => {
    for (const file of ['/dist/juzi-elements.js', '/dist/juzi-elements.iife.js']) {
      const source = await (await fetch(file)).text();
      expect(source, file).not.to.contain('juzi-devtools');
      expect(source, file).not.to.contain('juzi-debug');
    }
    await import(/* @vite-ignore */ '/dist/juzi-elements.js' as string);
    expect(customElements.get('juzi-chat-info')).to.be.a('function');
    expect(customElements.get('juzi-devtools')).to.equal(undefined);
  });

  it('the demo shows the panel open next to the simulated host controls', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/dist/demo/index.html';
    document.body.append(frame);
    frames.push(frame);
    const panel = () => frame.contentDocument?.querySelector('juzi-devtools')?.shadowRoot;
    await waitUntil(() => panel()?.querySelector('[part="call"]'), 'the demo panel never showed a call', { timeout: 8000 });
    // the demo is in Chinese
    const environment = () => panel()!.querySelector('.environment')!.textContent ?? '';
    expect(environment()).to.contain('已找到（juziWx）');
    await waitUntil(() => environment().includes('已注册'), `the chat-switch listen is not shown armed: ${environment()}`);
  });

  it('has lit inside (no bare imports)', async () => {
    const source = await (await fetch('/dist/juzi-devtools.js')).text();
    expect(source).not.to.match(/\bfrom\s*["'](lit|zod|@lit)/);
    expect(source).not.to.contain('Lit is in dev mode');
  });
});
