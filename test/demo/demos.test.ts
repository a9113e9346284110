// Opens each built demo page (dist/demo/, `vite build --mode demo`) in an iframe: it must
// render against the simulated host without any error, and one action must work end to end.
import { expect, waitUntil } from '@open-wc/testing';

type SimulatedHostLike = { sent: unknown[]; chats: { name: string }[]; currentChat: { name: string } };
type DemoWindow = Window & typeof globalThis & { __errors?: string[]; juziWx?: SimulatedHostLike };

const tags = ['juzi-chat-info', 'juzi-send-button', 'juzi-open-chat', 'juzi-image-preview'];

/**
 * The first script of every page under test. Errors thrown while the page's modules are
 * evaluated happen before the parent could attach a listener, so the page records them
 * itself: uncaught errors, unhandled rejections, console.error, and scripts or styles that
 * failed to load. Images are left out: the demos show example.com pictures, offline here.
 */
const recorder = `<script>
(function () {
  var errors = (window.__errors = []);
  // Firefox and WebKit stacks leave out the message: keep both.
  var text = function (value) { return String(value) + (value && value.stack ? '\\n' + value.stack : ''); };
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target === window) errors.push('uncaught ' + text(event.error || event.message));
    else if (target && (target.tagName === 'SCRIPT' || target.tagName === 'LINK')) {
      errors.push('failed to load ' + (target.src || target.href));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    errors.push('unhandled rejection ' + text(event.reason));
  });
  var original = console.error;
  console.error = function () {
    errors.push('console.error ' + Array.prototype.map.call(arguments, text).join(' '));
    return original.apply(console, arguments);
  };
})();
</script>`;

let iframe: HTMLIFrameElement | undefined;
afterEach(() => {
  iframe?.remove();
  iframe = undefined;
});

/** The iframe's current window: the srcdoc document replaces the initial about:blank one. */
const win = () => iframe!.contentWindow as DemoWindow;

/**
 * Waits for `predicate`, with room for a slow engine (the host answers after 150 ms). On
 * timeout the failure names what never happened and every error the page recorded.
 */
async function until(predicate: () => unknown, what: string, timeout = 5000): Promise<void> {
  try {
    await waitUntil(predicate, undefined, { timeout });
  } catch {
    throw new Error(`${what}; the page's errors: ${JSON.stringify(win()?.__errors ?? [])}`);
  }
}

/** Loads `html` into a fresh iframe whose relative URLs resolve against `base`. */
async function openHtml(html: string, base: string): Promise<void> {
  expect(html, 'the page has a <head>').to.match(/<head>/i);
  const head = `<head><base href="${new URL(base, location.href).href}">${recorder}`;
  iframe = document.createElement('iframe');
  iframe.style.cssText = 'width: 800px; height: 600px';
  iframe.srcdoc = html.replace(/<head>/i, head);
  document.body.append(iframe);
  // Not `load`: that also waits for the offline example.com images.
  await until(() => win().location.href === 'about:srcdoc' && win().__errors, 'the page never started');
}

/** Opens a built demo page and waits until its elements show the simulated host's chat. */
async function openDemo(page: string): Promise<{ host: SimulatedHostLike; doc: Document }> {
  const response = await fetch(`/dist/demo/${page}.html`);
  expect(response.ok, `dist/demo/${page}.html is built (npm run build)`).to.equal(true);
  // The test server adds its live-reload socket to every HTML page it serves: not the page's.
  const html = (await response.text()).replace(/<script type="module" src="\/__web-dev-server__web-socket\.js"><\/script>/, '');
  await openHtml(html, '/dist/demo/');
  await until(() => tags.every((tag) => win().customElements.get(tag)), `${page}: the elements were never defined`, 8000);
  const host = win().juziWx!;
  expect(host, 'the simulated host is installed').to.exist;
  const doc = win().document;
  await until(() => chatName(doc) === host.currentChat.name, `${page}: <juzi-chat-info> never showed the chat`);
  return { host, doc };
}

const shadowButton = (el: Element | null) => el!.shadowRoot!.querySelector('button')!;
const chatName = (doc: Document) =>
  doc.querySelector('juzi-chat-info')?.shadowRoot?.querySelector('[part~="name"]')?.textContent;
const text = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent ?? '';

/** Types into an input the way a user does, so React's and Vue's listeners both see it. */
function type(doc: Document, selector: string, value: string): void {
  const input = doc.querySelector<HTMLInputElement>(selector)!;
  const view = doc.defaultView as DemoWindow;
  // React tracks the value it last rendered; the prototype's setter bypasses that tracker.
  Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new view.Event('input', { bubbles: true }));
}

const textMessage = (content: string) => ({ msgtype: 'text', text: { content } });

describe('demo pages (dist/demo/)', function () {
  this.timeout(30000);

  it('the error recorder sees every kind of error a page can make', async () => {
    await openHtml(
      `<!doctype html><html><head></head><body>
        <script type="module">throw new Error('module evaluation');</script>
        <script type="module">Promise.reject(new Error('rejected'));</script>
        <script>console.error('logged');</script>
        <script src="/does-not-exist.js"></script>
      </body></html>`,
      '/dist/demo/',
    );
    await until(() => win().__errors!.length >= 4, 'the recorder missed some');
    const seen = win().__errors!.join('\n');
    for (const words of ['uncaught', 'module evaluation', 'unhandled rejection', 'console.error logged', 'does-not-exist.js']) {
      expect(seen).to.contain(words);
    }
  });

  it('index: every element renders; a send reaches the host and the page log', async () => {
    const { host, doc } = await openDemo('index');
    const button = doc.querySelector('juzi-send-button')!;
    shadowButton(button).click();
    await until(() => text(doc, '#log').includes('event juzi-sent'), 'the log never showed juzi-sent');
    expect(host.sent).to.deep.equal([textMessage(button.getAttribute('content')!)]);
    expect(win().__errors).to.deep.equal([]);
  });

  it('jquery: classic scripts only; $(document).on() hears sends and chat switches', async () => {
    const { host, doc } = await openDemo('jquery');
    expect(doc.querySelectorAll('script[type="module"]').length, 'module scripts').to.equal(0);
    expect((win() as unknown as { jQuery?: { fn: { jquery: string } } }).jQuery?.fn.jquery).to.match(/^4\./);
    await until(() => text(doc, '#log').includes(`juzi-chat-change: ${host.chats[0].name}`), 'the log never showed the chat');

    const button = doc.querySelector('juzi-send-button')!;
    shadowButton(button).click();
    await until(() => text(doc, '#log').includes('juzi-sent:'), 'the log never showed juzi-sent');
    expect(host.sent).to.deep.equal([textMessage(button.getAttribute('content')!)]);

    doc.querySelector<HTMLButtonElement>('#next-chat')!.click();
    await until(() => chatName(doc) === host.chats[1].name, 'chat-info never showed the next chat');
    await until(() => text(doc, '#log').includes(`juzi-chat-change: ${host.chats[1].name}`), 'the log never showed the switch');
    expect(win().__errors).to.deep.equal([]);
  });

  for (const page of ['vue', 'react']) {
    it(`${page}: state in as properties, juzi-* events out into the page's state`, async () => {
      const { host, doc } = await openDemo(page);
      // juzi-chat-change reached the framework's state.
      await until(() => text(doc, '#chat') === host.currentChat.name, '#chat never showed the chat');
      // The array arrived as a property (as an attribute it would be one string).
      const preview = doc.querySelector('juzi-image-preview')!;
      expect((preview as unknown as { urls: string[] }).urls).to.have.length(2);

      // The typed text flows into the send button's `message` property...
      type(doc, '#text', `Hello from the ${page} test`);
      const sendButton = doc.querySelector('juzi-send-button') as unknown as { message?: unknown } & Element;
      await until(
        () => JSON.stringify(sendButton.message) === JSON.stringify(textMessage(`Hello from the ${page} test`)),
        'the typed text never reached the message property',
      );
      // ...and out to the host, and juzi-sent back into the page.
      shadowButton(sendButton).click();
      await until(() => text(doc, '#sent') === `1: Hello from the ${page} test`, '#sent never showed the message');
      expect(text(doc, '#last')).to.equal('juzi-sent');
      expect(host.sent).to.deep.equal([textMessage(`Hello from the ${page} test`)]);
      expect(win().__errors).to.deep.equal([]);
    });
  }
});
