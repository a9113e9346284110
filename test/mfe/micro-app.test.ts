// The classic CDN bundle inside @micro-zoe/micro-app 0.8 micro apps: its sandbox on and off,
// shadow DOM, inline scripts; mount, unmount and mount again; two apps on one page.
import { expect, waitUntil } from '@open-wc/testing';
import { expectAllFollow, expectSendsLikeAPlainPage, openMain, waitForChat, type MainWindow } from './harness.js';

type MicroAppWindow = MainWindow & {
  microApp: { default: { start(options?: object): void; addDataListener(name: string, cb: (data: object) => void, auto?: boolean): void } };
};

const microAppUmd = '/node_modules/@micro-zoe/micro-app/lib/index.umd.js';
const entry = new URL('/test/fixtures/mfe/juzi-app.html', location.href).href;

/** The `<micro-app>` attributes a page may set; none is the default (sandbox on). */
const options: [string, Record<string, string>][] = [
  ['the default (sandbox on)', {}],
  ['shadowDOM', { shadowDOM: '' }],
  ['inline', { inline: '' }],
  ['disableSandbox', { disableSandbox: '' }],
];

async function openMicroAppMain(): Promise<MicroAppWindow> {
  const win = (await openMain(microAppUmd)) as MicroAppWindow;
  win.microApp.default.start();
  return win;
}

/** Adds `<micro-app name url …attributes>` to `#container` and waits for its `mounted` event. */
async function mount(win: MicroAppWindow, name: string, attributes: Record<string, string>, container = 'app-a') {
  const reports: object[] = [];
  win.microApp.default.addDataListener(name, (data) => reports.push(data), true);
  const app = win.document.createElement('micro-app');
  for (const [key, value] of Object.entries({ name, url: `${entry}?app=${name}`, ...attributes })) app.setAttribute(key, value);
  const mounted = new Promise((resolve) => app.addEventListener('mounted', resolve, { once: true }));
  win.document.getElementById(container)!.append(app);
  await mounted;
  return { app, reports };
}

for (const [label, attributes] of options) {
  describe(`@micro-zoe/micro-app 0.8, ${label}`, function () {
    this.timeout(30000); // a whole micro-frontend page per test
    it('renders the chat, sends, and its events reach the main app document', async () => {
      const win = await openMicroAppMain();
      const { app, reports } = await mount(win, 'juzi-app', attributes);
      await waitForChat(app, '张三', win);
      if ('disableSandbox' in attributes) {
        // No sandbox: the micro app's scripts run on the main window, and cannot message it.
        expect(typeof (win as unknown as { JuziElements?: { getBridge?: unknown } }).JuziElements?.getBridge).to.equal('function');
      } else {
        await waitUntil(() => reports.length > 0, 'the micro app never reported');
        expect(reports[0]).to.deep.equal({ hasGlobal: true });
      }
      await expectSendsLikeAPlainPage(win, app);
    });

    it('unmount, chat switch, mount again: shows the current chat; a second app follows too', async () => {
      const win = await openMicroAppMain();
      const { app } = await mount(win, 'juzi-app', attributes);
      await waitForChat(app, '张三', win);
      app.remove();
      win.host.switchChat(1);
      const remounted = new Promise((resolve) => app.addEventListener('mounted', resolve, { once: true }));
      win.document.getElementById('app-a')!.append(app);
      await remounted;
      await waitForChat(app, '客户服务群', win);
      const second = await mount(win, 'juzi-app-b', attributes, 'app-b');
      await waitForChat(second.app, '客户服务群', win);
      await expectAllFollow(win, [app, second.app], 0, '张三');
    });
  });
}
