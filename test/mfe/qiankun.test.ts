// The CDN bundles inside qiankun 2.10 micro apps: every sandbox option, the lifecycles, two apps
// on one page, events reaching the main app, and styles under style isolation.
import { expect, waitUntil } from '@open-wc/testing';
import { find, look, openMain, plainButtonLook, sendButton, waitForChat, type MainWindow } from './harness.js';

type MicroApp = {
  mountPromise: Promise<void>;
  mount(): Promise<void>;
  unmount(): Promise<void>;
  getStatus(): string;
};
type Qiankun = { loadMicroApp(app: object, configuration?: object): MicroApp };
type QiankunWindow = MainWindow & { qiankun: Qiankun };

const qiankunUmd = '/node_modules/qiankun/dist/index.umd.min.js';
const entry = '/test/fixtures/mfe/juzi-app.html';

/** The options of qiankun's `sandbox` configuration a page may use; `true` is qiankun's default. */
const sandboxes: [string, unknown][] = [
  ['true (the default)', true],
  ['{ strictStyleIsolation: true }', { strictStyleIsolation: true }],
  ['{ experimentalStyleIsolation: true }', { experimentalStyleIsolation: true }],
  ['{ speedy: false }', { speedy: false }],
  ['false', false],
];

const isolatesStyles = (sandbox: unknown) =>
  typeof sandbox === 'object' && sandbox !== null && ('strictStyleIsolation' in sandbox || 'experimentalStyleIsolation' in sandbox);

/** Loads and mounts the micro app into `#<container>`; resolves with the app and what its mount() reported. */
async function load(win: QiankunWindow, name: string, sandbox: unknown, container = 'app-a', url = entry) {
  const reports: Record<string, unknown>[] = [];
  const config = sandbox === undefined ? undefined : { sandbox };
  const app = win.qiankun.loadMicroApp(
    { name, entry: url, container: win.document.getElementById(container), props: { report: (r: Record<string, unknown>) => reports.push(r) } },
    config,
  );
  await app.mountPromise;
  return { app, reports, root: win.document.getElementById(container)! };
}

for (const [label, sandbox] of sandboxes) {
  describe(`qiankun 2.10, sandbox ${label}`, function () {
    this.timeout(30000); // a whole micro-frontend page per test
    it('renders the chat, sends, and its events reach the main app document', async () => {
      const win = (await openMain(qiankunUmd)) as QiankunWindow;
      const { root, reports } = await load(win, 'juzi-app', sandbox);
      await waitForChat(root, '张三', win);
      expect(reports).to.deep.equal([{ hasGlobal: true }]);
      (await sendButton(root)).click();
      await waitUntil(() => win.host.sent.length === 1, 'the host never received the message');
      expect(win.host.sent).to.deep.equal([{ msgtype: 'text', text: { content: '你好' } }]);
      await waitUntil(() => win.events.some((e) => e.type === 'juzi-sent'), 'juzi-sent never reached the main document');
      expect(win.events).to.deep.include({ type: 'juzi-chat-change', tag: 'juzi-chat-info' });
      expect(win.events).to.deep.include({ type: 'juzi-sent', tag: 'juzi-send-button' });
      expect(win.errors).to.deep.equal([]);
    });

    it('mount, chat switch while mounted, unmount, chat switch, mount again: shows the current chat', async () => {
      const win = (await openMain(qiankunUmd)) as QiankunWindow;
      const { app, root } = await load(win, 'juzi-app', sandbox);
      await waitForChat(root, '张三', win);
      win.host.switchChat(1);
      await waitForChat(root, '客户服务群', win);
      await app.unmount();
      expect(find(root, 'juzi-chat-info'), 'unmount removes the elements').to.equal(null);
      win.host.switchChat(0);
      await app.mount();
      await waitForChat(root, '张三', win);
      win.host.switchChat(1);
      await waitForChat(root, '客户服务群', win);
      expect(win.errors).to.deep.equal([]);
    });

    it('the elements keep their look, and nothing of theirs reaches the main app', async () => {
      const expected = await plainButtonLook();

      const win = (await openMain(qiankunUmd)) as QiankunWindow;
      const styles = win.document.querySelectorAll('style, link').length;
      const mainText = look(win.document.getElementById('main-text')!);
      const { root } = await load(win, 'juzi-app', sandbox);
      await waitForChat(root, '张三', win);
      expect(look(await sendButton(root))).to.deep.equal(expected);
      // The elements' styles live in their shadow roots: the main document gains none.
      expect(win.document.adoptedStyleSheets).to.have.length(0);
      // (qiankun's scoped CSS keeps one empty <style> of its own in the body to rewrite rules in.)
      const outside = [...win.document.querySelectorAll('style, link')].filter((el) => !root.contains(el) && el.textContent);
      expect(outside).to.have.length(styles);
      if (isolatesStyles(sandbox)) {
        // With style isolation the micro app's own `p { color }` stays inside it too.
        expect(look(win.document.getElementById('main-text')!)).to.deep.equal(mainText);
        expect(look(find(root, '.micro-text')!).color).to.equal('rgb(200, 0, 0)');
      }
    });
  });
}

describe('qiankun 2.10, two micro apps each loading the bundle', function () {
  this.timeout(30000);
  // Without a sandbox qiankun cannot tell the second app's lifecycles from the first's (its own limit).
  for (const [label, sandbox] of sandboxes.filter(([, option]) => option !== false)) {
    it(`sandbox ${label}: tags defined once, both follow the chat, one host read per chat`, async () => {
      const win = (await openMain(qiankunUmd)) as QiankunWindow;
      const warnings: string[] = [];
      const warn = win.console.warn;
      win.console.warn = (...args: unknown[]) => {
        warnings.push(args.map(String).join(' '));
        warn.apply(win.console, args);
      };
      const a = await load(win, 'juzi-app-a', sandbox, 'app-a');
      const b = await load(win, 'juzi-app-b', sandbox, 'app-b', `${entry}?copy=b`);
      await Promise.all([waitForChat(a.root, '张三', win), waitForChat(b.root, '张三', win)]);
      win.host.switchChat(1);
      await Promise.all([waitForChat(a.root, '客户服务群', win), waitForChat(b.root, '客户服务群', win)]);
      expect(win.host.callCount('getCurChatInfo'), 'host reads for two chats').to.equal(2);
      await a.app.unmount();
      win.host.switchChat(0);
      await waitForChat(b.root, '张三', win);
      await a.app.mount();
      await waitForChat(a.root, '张三', win);
      expect(win.customElements.get('juzi-chat-info')).to.be.a('function');
      expect(warnings.filter((w) => w.includes('juzi'))).to.deep.equal([]);
      expect(win.errors).to.deep.equal([]);
    });
  }
});

describe('qiankun 2.10, the ES module bundle through import()', function () {
  this.timeout(30000);
  for (const [label, sandbox] of sandboxes) {
    it(`sandbox ${label}: renders, sends, follows the chat across unmount and mount`, async () => {
      const win = (await openMain(qiankunUmd)) as QiankunWindow;
      const { app, root, reports } = await load(win, 'juzi-esm-app', sandbox, 'app-a', '/test/fixtures/mfe/qiankun-esm-app.html');
      await waitForChat(root, '张三', win);
      expect(reports).to.deep.equal([{ hasGlobal: true }]);
      (await sendButton(root)).click();
      await waitUntil(() => win.events.some((e) => e.type === 'juzi-sent'), 'juzi-sent never reached the main document');
      await app.unmount();
      win.host.switchChat(1);
      await app.mount();
      await waitForChat(root, '客户服务群', win);
      expect(win.errors).to.deep.equal([]);
    });
  }
});
