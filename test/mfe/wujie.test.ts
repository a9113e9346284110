// The classic CDN bundle inside wujie 1.0 micro apps: wujie runs the micro app's scripts in a
// hidden iframe and renders its DOM into a shadow root in the main document.
import { expect, waitUntil } from '@open-wc/testing';
import { expectAllFollow, expectSendsLikeAPlainPage, openMain, waitForChat, type MainWindow } from './harness.js';

type WujieWindow = MainWindow & {
  wujie: { startApp(options: object): Promise<unknown>; destroyApp(name: string): void };
};

const wujieUmd = '/node_modules/wujie/lib/index.js';
const entry = new URL('/test/fixtures/mfe/juzi-app.html', location.href).href;

/**
 * wujie's modes: by default it builds the micro app anew on each start (a new iframe, so a new
 * copy of the bundle); `alive` keeps one. Elements keep the classes of the copy that defined
 * their tags first, so where that copy can go away the main app loads the bundle too.
 */
const setups: { label: string; options: object; mainScripts: string[]; restarts: boolean }[] = [
  // A rebuilt app's new elements would meet the classes of the copy that went with the old iframe.
  { label: 'the default, bundle in the micro app only', options: {}, mainScripts: [], restarts: false },
  { label: 'alive, bundle in the micro app only', options: { alive: true }, mainScripts: [], restarts: true },
  { label: 'the default, bundle in the main app too', options: {}, mainScripts: ['/dist/juzi-elements.iife.js'], restarts: true },
];

async function start(win: WujieWindow, name: string, extra: object, container = 'app-a') {
  const reports: object[] = [];
  const el = win.document.getElementById(container)!;
  await win.wujie.startApp({ name, url: `${entry}?app=${name}`, el, props: { report: (r: object) => reports.push(r) }, ...extra });
  return { root: el, reports };
}

for (const { label, options: extra, mainScripts, restarts } of setups) {
  describe(`wujie 1.0, ${label}`, function () {
    this.timeout(30000); // a whole micro-frontend page per test
    it('renders the chat, sends, and its events reach the main app document', async () => {
      const win = (await openMain(wujieUmd, ...mainScripts)) as WujieWindow;
      const { root, reports } = await start(win, 'juzi-app', extra);
      await waitForChat(root, '张三', win);
      await waitUntil(() => reports.length > 0, 'the micro app never reported');
      expect(reports[0]).to.deep.equal({ hasGlobal: true });
      await expectSendsLikeAPlainPage(win, root);
    });

    if (restarts) it('leave, chat switch, start again: shows the current chat; a second app follows too', async () => {
      const win = (await openMain(wujieUmd, ...mainScripts)) as WujieWindow;
      const { root } = await start(win, 'juzi-app', extra);
      await waitForChat(root, '张三', win);
      root.replaceChildren();
      win.host.switchChat(1);
      await start(win, 'juzi-app', extra);
      await waitForChat(root, '客户服务群', win);
      const second = await start(win, 'juzi-app-b', extra, 'app-b');
      await waitForChat(second.root, '客户服务群', win);
      await expectAllFollow(win, [root, second.root], 0, '张三');
    });
  });
}

describe('host lookup from a child frame', () => {
  it("a cross-origin child finds no host and does not throw on reading its parent", async () => {
    const win = await openMain();
    const frame = win.document.createElement('iframe');
    frame.sandbox.add('allow-scripts'); // an opaque origin: the parent is cross-origin
    frame.srcdoc = `<script src="${location.origin}/dist/juzi-elements.iife.js"></script>
      <script>
        let answer;
        try { answer = String(JuziElements.findPageHost()); } catch (error) { answer = 'threw ' + error; }
        parent.postMessage({ answer }, '*');
      </script>`;
    const answer = new Promise((resolve) => win.addEventListener('message', (e) => resolve(e.data.answer), { once: true }));
    win.document.body.append(frame);
    expect(await answer).to.equal('undefined');
  });
});
