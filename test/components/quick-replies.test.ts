import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { createBridge, type JuziBridge } from '../../src/bridge/index.js';
import type { JuziQuickReplies } from '../../src/components/quick-replies/quick-replies.js';
import type { QuickReply } from '../../src/components/quick-replies/replies.js';
import '../../src/define/quick-replies.js';
import { createSimulatedHost, type SimulatedHost } from '../../src/dev/index.js';
import { rejection } from '../helpers.js';
import { once } from './action-helpers.js';
import {
  activeRow,
  groupButtons,
  idle,
  library,
  listbox,
  manyReplies,
  notice,
  row,
  rows,
  rowStatus,
  scrollToEnd,
  searchBox,
  settle,
  status,
  text,
  titles,
} from './quick-replies-helpers.js';

const json = (value: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(value))}`;

describe('<juzi-quick-replies>', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;

  beforeEach(async () => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 300 });
    // Rows fill templates from the chat: read it first, as a sidebar page has by then.
    await bridge.refresh();
  });

  afterEach(() => sinon.restore());

  async function mount(replies: QuickReply[] = library, attrs = html``) {
    const el = await fixture<JuziQuickReplies>(html`<juzi-quick-replies .bridge=${bridge} .replies=${replies}>${attrs}</juzi-quick-replies>`);
    await settle(el);
    return el;
  }

  describe('accessibility', () => {
    it('is accessible with a library, and labels the search box and the list', async () => {
      const el = await mount();
      await expect(el).to.be.accessible();
      expect(searchBox(el).getAttribute('aria-label')).to.equal('搜索话术');
      expect(listbox(el).getAttribute('aria-label')).to.equal('话术');
      expect(status(el).getAttribute('role')).to.equal('status');
    });

    it('is accessible with an empty library, an empty search, while loading and after a failed load', async () => {
      const empty = await mount([]);
      expect(notice(empty)!.textContent).to.equal('话术库里还没有话术。');
      await expect(empty).to.be.accessible();

      const searched = await mount();
      searched.query = 'zzz';
      await settle(searched);
      expect(notice(searched)!.textContent).to.equal('没有与“zzz”匹配的话术。');
      await expect(searched).to.be.accessible();

      sinon.stub(window, 'fetch').callsFake(() => new Promise<Response>(() => {}));
      const loading = await fixture<JuziQuickReplies>(html`<juzi-quick-replies .bridge=${bridge} src="/replies.json"></juzi-quick-replies>`);
      await settle(loading);
      expect(loading.status).to.equal('loading');
      expect(notice(loading)!.textContent).to.equal('正在加载话术…');
      await expect(loading).to.be.accessible();
      sinon.restore();

      const failed = await fixture<JuziQuickReplies>(
        html`<juzi-quick-replies .bridge=${bridge} src="/test/components/no-such-library.json"></juzi-quick-replies>`,
      );
      await waitUntil(() => failed.status === 'error', 'the load never failed');
      await settle(failed);
      await expect(failed).to.be.accessible();
    });

    it('is accessible while sending, after a send and after a failed one', async () => {
      bridge.configure({ timeout: 5000 });
      host.setFault('sendChatMessage', { kind: 'never' });
      const el = await mount();
      row(el, '问候')!.click();
      await settle(el);
      expect(el.busy).to.equal(true);
      await expect(el).to.be.accessible();

      host.setFault('sendChatMessage', undefined);
      const sentEl = await mount();
      const sent = once(sentEl, 'juzi-sent');
      row(sentEl, '问候')!.click();
      await sent;
      await settle(sentEl);
      await expect(sentEl).to.be.accessible();

      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'bot offline' });
      const failedEl = await mount();
      const failed = once(failedEl, 'juzi-error');
      row(failedEl, '问候')!.click();
      await failed;
      await settle(failedEl);
      await expect(failedEl).to.be.accessible();
    });

    it('fits a 300px sidebar without scrolling sideways', async () => {
      const long: QuickReply = { id: 'long', title: '很长的标题'.repeat(20), group: '很长的分组名'.repeat(5), message: 'x'.repeat(400) };
      const sidebar = document.createElement('div');
      sidebar.style.width = '300px';
      document.body.append(sidebar);
      const el = await fixture<JuziQuickReplies>(html`<juzi-quick-replies .bridge=${bridge} .replies=${[...library, long]}></juzi-quick-replies>`, {
        parentNode: sidebar,
      });
      await settle(el);
      expect(el.getBoundingClientRect().width).to.be.at.most(300);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('[part]')) {
        expect(node.getBoundingClientRect().right, node.getAttribute('part')!).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      }
      expect(listbox(el).scrollWidth).to.be.at.most(listbox(el).clientWidth);
    });
  });

  describe('data', () => {
    it('lists each reply with its title, kind, group and the text the customer will get', async () => {
      const el = await mount();
      expect(titles(el)).to.deep.equal(library.map((r) => r.title));
      const kinds = rows(el).map((r) => r.querySelector('[part="kind"]')!.textContent);
      expect(kinds).to.deep.equal(['文本', '文本', '图片', '视频', '文件', '图文', '小程序']);
      expect(row(el, '问候')!.querySelector('[part="row-group"]')!.textContent).to.equal('开场白');
      expect(text(row(el, '问候'))).to.equal('张三您好，我是句子客服-小橙');
      expect(text(row(el, '说明书'))).to.equal('manual.pdf');
      expect(text(row(el, 'Café 优惠'))).to.equal('给张三的优惠 · 限时');
    });

    it('shows a thumbnail for pictures, only for http(s) URLs with every placeholder filled', async () => {
      const el = await mount([
        ...library,
        { id: 'unfilled', title: 'unfilled', message: { msgtype: 'news', news: { link: 'https://a.example.com', imgUrl: 'https://img.example.com/{{pic}}.png' } } },
      ]);
      // Compared as strings: a failed comparison must not print a DOM node.
      const thumb = (title: string) => row(el, title)!.querySelector<HTMLImageElement>('[part="thumbnail"]')?.getAttribute('src') ?? 'none';
      expect(thumb('产品图')).to.equal('https://img.example.com/p.png');
      expect(thumb('Café 优惠')).to.equal('https://img.example.com/o.png');
      expect(thumb('小程序下单')).to.equal('https://img.example.com/m.png');
      expect(thumb('问候')).to.equal('none');
      expect(thumb('安装视频')).to.equal('none');
      expect(thumb('unfilled')).to.equal('none');
      expect(row(el, '产品图')!.querySelector('img')!.alt).to.equal('');
      el.vars = { pic: 'x' };
      await settle(el);
      expect(thumb('unfilled')).to.equal('https://img.example.com/x.png');
    });

    it('loads src: a JSON array', async () => {
      const el = await fixture<JuziQuickReplies>(html`<juzi-quick-replies .bridge=${bridge} src=${json(library)}></juzi-quick-replies>`);
      await waitUntil(() => el.status === 'ready', 'never loaded');
      await settle(el);
      expect(titles(el)).to.deep.equal(library.map((r) => r.title));
      expect(el.replies).to.have.length(library.length);
    });

    it('loads src: { replies: [...] }', async () => {
      const el = await fixture<JuziQuickReplies>(
        html`<juzi-quick-replies .bridge=${bridge} src=${json({ replies: library.slice(0, 2) })}></juzi-quick-replies>`,
      );
      await waitUntil(() => el.status === 'ready', 'never loaded');
      await settle(el);
      expect(titles(el)).to.deep.equal(['问候', '价格说明']);
    });

    it('a failed src fetch is a network error with a retry that loads it', async () => {
      const fetch = sinon.stub(window, 'fetch');
      fetch.onFirstCall().rejects(new TypeError('Failed to fetch'));
      fetch.onSecondCall().resolves(new Response(JSON.stringify(library.slice(0, 1)), { headers: { 'content-type': 'application/json' } }));
      const el = document.createElement('juzi-quick-replies');
      el.bridge = bridge;
      const failed = once(el, 'juzi-error');
      el.src = '/replies.json';
      document.body.append(el);
      const { detail } = await failed;
      expect(detail.error.code).to.equal('network');
      await settle(el);
      expect(notice(el)!.textContent).to.contain('无法加载话术库');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => el.status === 'ready', 'the retry never loaded');
      await settle(el);
      expect(titles(el)).to.deep.equal(['问候']);
      expect(notice(el)?.textContent ?? 'none').to.equal('none');
      el.remove();
    });

    it('an HTTP error is a network error naming the status', async () => {
      const el = document.createElement('juzi-quick-replies');
      const failed = once(el, 'juzi-error');
      el.src = '/test/components/no-such-library.json';
      document.body.append(el);
      const { detail } = await failed;
      expect(detail.error.code).to.equal('network');
      expect(detail.error.errMsg).to.match(/^HTTP 404/);
      await settle(el);
      expect(notice(el)!.textContent).to.contain('HTTP 404');
      el.remove();
    });

    it('a document that is not a library is invalid-response', async () => {
      for (const src of ['data:application/json,{nope', json({ items: [] })]) {
        const el = document.createElement('juzi-quick-replies');
        const failed = once(el, 'juzi-error');
        el.src = src;
        document.body.append(el);
        expect((await failed).detail.error.code).to.equal('invalid-response');
        el.remove();
      }
    });

    it('skips invalid items and reports them once, naming each index and field', async () => {
      const bad = [
        library[0],
        { id: 'no-title', message: 'hi' },
        { id: 'js', title: 'js', message: { msgtype: 'image', image: { url: 'javascript:alert(1)' } } },
        'not an object',
        { id: 'hello', title: 'repeat', message: 'again' },
        library[1],
      ];
      const el = document.createElement('juzi-quick-replies');
      el.bridge = bridge;
      const errors: CustomEvent[] = [];
      el.addEventListener('juzi-error', (e) => errors.push(e));
      el.replies = bad as QuickReply[];
      document.body.append(el);
      await settle(el);
      el.query = '价格';
      await settle(el);
      el.query = '';
      await settle(el);
      expect(titles(el)).to.deep.equal(['问候', '价格说明']);
      expect(errors).to.have.length(1);
      const { error } = errors[0]!.detail as { error: { code: string; issues: { path: unknown[] }[] } };
      expect(error.code).to.equal('invalid-params');
      expect(error.issues.map((i) => i.path)).to.deep.equal([[1, 'title'], [2, 'message', 'image', 'url'], [3], [4, 'id']]);
      el.remove();
    });
  });

  describe('templates', () => {
    it('fills {{key}} from vars and re-renders rows when vars change', async () => {
      const el = await mount();
      expect(text(row(el, '价格说明'))).to.equal('旗舰款 ¥{{price}}');
      el.vars = { price: 1999 };
      await settle(el);
      expect(text(row(el, '价格说明'))).to.equal('旗舰款 ¥1999');
    });

    it('follows the current chat: after a switch rows show the new name and a send uses it', async () => {
      const el = await mount();
      host.switchChat(3);
      await waitUntil(() => text(row(el, '问候')).startsWith('王五'), 'rows never showed the new chat');
      const sent = once(el, 'juzi-sent');
      row(el, '问候')!.click();
      await sent;
      expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: `王五您好，我是${host.currentChat.botName}` } }]);
    });

    it('refuses a placeholder without a value with invalid-params naming it; the host is never called', async () => {
      const el = await mount();
      const failed = once(el, 'juzi-error');
      const promise = el.send('price');
      const { detail } = await failed;
      expect(detail.error.code).to.equal('invalid-params');
      expect(detail.error.message).to.contain('{{price}}');
      expect(detail.error.issues).to.deep.equal([{ path: ['text', 'content'], message: '{{price}} has no value' }]);
      expect(detail.reply!.id).to.equal('price');
      expect((await rejection(promise)).code).to.equal('invalid-params');
      expect(host.callCount('sendChatMessage')).to.equal(0);
      await settle(el);
      expect(rowStatus(row(el, '价格说明'))).to.contain('{{price}}');
    });

    it('waits for a chat that is still loading before it fills and sends', async () => {
      const fresh = createBridge({ host: createSimulatedHost({ latency: 50 }), timeout: 1000 });
      const el = await fixture<JuziQuickReplies>(html`<juzi-quick-replies .bridge=${fresh} .replies=${library}></juzi-quick-replies>`);
      const sent = once(el, 'juzi-sent');
      void el.send('hello');
      expect((await sent).detail.message).to.deep.equal({ msgtype: 'text', text: { content: '张三您好，我是句子客服-小橙' } });
    });

    it('percent-encodes values in URL fields', async () => {
      const el = await mount();
      const sent = once(el, 'juzi-sent');
      await el.send('offer');
      expect((await sent).detail.message).to.deep.equal({
        msgtype: 'news',
        news: {
          link: 'https://shop.example.com/o?u=%E5%BC%A0%E4%B8%89',
          title: '给张三的优惠',
          desc: '限时',
          imgUrl: 'https://img.example.com/o.png',
        },
      });
    });

    it('checks a URL after filling: a value cannot make it anything but the URL it was', async () => {
      const replies: QuickReply[] = [{ id: 'pic', title: 'pic', message: { msgtype: 'image', image: { url: 'https://{{site}}/a.png' } } }];
      const el = await mount(replies);
      el.vars = { site: 'evil.example/x?' };
      const failed = once(el, 'juzi-error');
      const promise = el.send('pic');
      expect((await failed).detail.error.code).to.equal('invalid-params');
      await rejection(promise);
      expect(host.callCount('sendChatMessage')).to.equal(0);
    });

    it('filled values are text, never markup', async () => {
      const el = await mount();
      host.switchChat(7); // a chat whose name is an <img onerror> attack
      await waitUntil(() => text(row(el, '问候')).includes('Eve'), 'the name never showed');
      expect(row(el, '问候')!.querySelectorAll('img').length).to.equal(0);
      expect(text(row(el, '问候'))).to.equal(`<img src=x onerror="alert(1)">Eve您好，我是${host.currentChat.botName}`);
    });
  });

  describe('search', () => {
    it('filters as the agent types and reflects the box in the query attribute', async () => {
      const el = await mount();
      searchBox(el).focus();
      await sendKeys({ type: '售后' });
      await settle(el);
      expect(el.getAttribute('query')).to.equal('售后');
      expect(titles(el)).to.deep.equal(['安装视频', '说明书']);
      await waitUntil(() => status(el).textContent === '找到 2 条话术', 'the count was never announced');
    });

    it('takes the query attribute into the box', async () => {
      const el = await mount();
      el.setAttribute('query', 'pdf');
      await settle(el);
      expect(searchBox(el).value).to.equal('pdf');
      expect(titles(el)).to.deep.equal(['说明书']);
    });

    it('matches title, text, keywords and group, folding case, width and accents', async () => {
      const el = await mount();
      const search = async (query: string) => {
        el.query = query;
        await settle(el);
        return titles(el);
      };
      expect(await search('价格')).to.deep.equal(['价格说明']);
      expect(await search('旗舰')).to.deep.equal(['价格说明']);
      expect(await search('GREETING')).to.deep.equal(['问候']);
      expect(await search('活动')).to.deep.equal(['Café 优惠', '小程序下单']);
      expect(await search('ｐｄｆ')).to.deep.equal(['说明书']);
      expect(await search('cafe')).to.deep.equal(['Café 优惠']);
    });

    it('a filter property replaces the matcher and gets the query as typed', async () => {
      const el = await mount();
      const seen: string[] = [];
      el.filter = (reply, query) => {
        seen.push(query);
        return reply.id.startsWith(query);
      };
      el.query = 'p';
      await settle(el);
      expect(titles(el)).to.deep.equal(['价格说明', '产品图']);
      expect(seen).to.include('p');
    });
  });

  describe('groups', () => {
    it('shows the groups present and picks one', async () => {
      const el = await mount();
      expect(groupButtons(el).map((b) => b.textContent)).to.deep.equal(['全部', '开场白', '产品介绍', '售后', '活动']);
      expect(groupButtons(el)[0]!.getAttribute('aria-pressed')).to.equal('true');
      groupButtons(el)[3]!.click();
      await settle(el);
      expect(el.getAttribute('group')).to.equal('售后');
      expect(titles(el)).to.deep.equal(['安装视频', '说明书']);
      expect(groupButtons(el)[3]!.getAttribute('aria-pressed')).to.equal('true');
      el.setAttribute('group', '');
      await settle(el);
      expect(titles(el)).to.have.length(library.length);
    });

    it('the group attribute and a search combine', async () => {
      const el = await mount(library, html``);
      el.setAttribute('group', '活动');
      el.query = '小程序';
      await settle(el);
      expect(titles(el)).to.deep.equal(['小程序下单']);
    });
  });

  describe('keyboard', () => {
    it('ArrowDown / ArrowUp move the active reply, Enter sends it, Escape clears the search', async () => {
      const el = await mount();
      searchBox(el).focus();
      expect(activeRow(el)!.querySelector('[part="title"]')!.textContent).to.equal('问候');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(activeRow(el)!.querySelector('[part="title"]')!.textContent).to.equal('价格说明');
      expect(activeRow(el)!.getAttribute('aria-selected')).to.equal('true');
      expect(searchBox(el).getAttribute('aria-activedescendant')).to.equal(activeRow(el)!.id);
      await sendKeys({ press: 'ArrowDown' });
      const sent = once(el, 'juzi-sent');
      await sendKeys({ press: 'Enter' });
      expect((await sent).detail.reply!.id).to.equal('photo');
      expect(host.sent).to.deep.equal([{ msgtype: 'image', image: { url: 'https://img.example.com/p.png' } }]);

      await sendKeys({ type: '售后' });
      await settle(el);
      expect(titles(el)).to.have.length(2);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(searchBox(el).value).to.equal('');
      expect(el.query).to.equal('');
      expect(titles(el)).to.have.length(library.length);
    });

    it('stays on the first and last reply', async () => {
      const el = await mount(library.slice(0, 2));
      searchBox(el).focus();
      await sendKeys({ press: 'ArrowUp' });
      expect(activeRow(el)!.id).to.equal(rows(el)[0]!.id);
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(activeRow(el)!.id).to.equal(rows(el)[1]!.id);
    });

    it('works in the focused list too, with Home and End', async () => {
      const el = await mount(manyReplies(500));
      listbox(el).focus();
      await sendKeys({ press: 'End' });
      await settle(el);
      expect(activeRow(el)!.querySelector('[part="title"]')!.textContent).to.equal('话术 499');
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(activeRow(el)!.querySelector('[part="title"]')!.textContent).to.equal('话术 0');
    });
  });

  describe('events', () => {
    it('juzi-before-send carries { message, reply } and cancels the send', async () => {
      const el = await mount();
      el.addEventListener('juzi-before-send', (e) => e.preventDefault(), { once: true });
      const before = once(el, 'juzi-before-send');
      const result = el.send('hello');
      const { detail } = await before;
      expect(detail.message).to.deep.equal({ msgtype: 'text', text: { content: '张三您好，我是句子客服-小橙' } });
      expect(detail.reply).to.equal(library[0]);
      expect(await result).to.equal(false);
      expect(host.callCount('sendChatMessage')).to.equal(0);
      await settle(el);
      expect(rowStatus(row(el, '问候'))).to.equal('');
    });

    it('juzi-sent carries { message, reply } and bubbles out of the shadow root', async () => {
      const el = await mount();
      const sent = once(document, 'juzi-sent');
      expect(await el.send(library[0]!)).to.equal(true);
      const { detail } = await sent;
      expect(detail.reply).to.equal(library[0]);
      expect(detail.message).to.deep.equal(host.sent[0]);
    });

    it('juzi-error carries { error, message, reply } when the host says no', async () => {
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'sendChatMessage:fail bot offline' });
      const el = await mount();
      const failed = once(el, 'juzi-error');
      void el.send('hello').catch(() => {});
      const { detail } = await failed;
      expect(detail.error.code).to.equal('host-fail');
      expect(detail.reply!.id).to.equal('hello');
      expect(detail.message).to.deep.equal({ msgtype: 'text', text: { content: '张三您好，我是句子客服-小橙' } });
    });
  });

  describe('feedback per row', () => {
    it('shows sending, then sent, and announces it politely', async () => {
      host.setLatency(100);
      const el = await mount();
      row(el, '问候')!.click();
      await settle(el);
      expect(rowStatus(row(el, '问候'))).to.equal('发送中…');
      expect(el.hasAttribute('busy')).to.equal(true);
      await waitUntil(() => rowStatus(row(el, '问候')) === '已发送', 'never showed sent');
      expect(el.hasAttribute('busy')).to.equal(false);
      expect(status(el).textContent).to.equal('已发送：问候');
    });

    it('shows why a send failed; activating the row again retries it', async () => {
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'bot offline' });
      const el = await mount();
      const failed = once(el, 'juzi-error');
      row(el, '问候')!.click();
      await failed;
      await settle(el);
      expect(rowStatus(row(el, '问候'))).to.contain('bot offline');
      expect(rowStatus(row(el, '问候'))).to.contain('重试');
      expect(status(el).textContent).to.contain('发送失败：问候');
      host.setFault('sendChatMessage', undefined);
      const sent = once(el, 'juzi-sent');
      row(el, '问候')!.click();
      await sent;
      await settle(el);
      expect(rowStatus(row(el, '问候'))).to.equal('已发送');
    });

    it('a host that never answers ends in timeout on the row', async () => {
      host.setFault('sendChatMessage', { kind: 'never' });
      const el = await mount();
      const failed = once(el, 'juzi-error');
      row(el, '问候')!.click();
      expect((await failed).detail.error.code).to.equal('timeout');
      await settle(el);
      expect(rowStatus(row(el, '问候'))).to.contain('侧边栏没有响应');
      expect(el.busy).to.equal(false);
    });

    it('sends one reply at a time', async () => {
      host.setLatency(50);
      const el = await mount();
      const sent = once(el, 'juzi-sent');
      row(el, '问候')!.click();
      row(el, '问候')!.click();
      row(el, '产品图')!.click();
      expect(await el.send('manual')).to.equal(false);
      await sent;
      await settle(el);
      expect(host.callCount('sendChatMessage')).to.equal(1);
    });

    it('does not send while disabled', async () => {
      const el = await mount();
      el.disabled = true;
      await settle(el);
      row(el, '问候')!.click();
      expect(await el.send('hello')).to.equal(false);
      expect(host.callCount('sendChatMessage')).to.equal(0);
    });

    it('send() of an unknown id is invalid-params', async () => {
      const el = await mount();
      expect((await rejection(el.send('nope'))).code).to.equal('invalid-params');
    });
  });

  describe('lang', () => {
    it('says every word in English with lang="en"', async () => {
      const el = await fixture<JuziQuickReplies>(html`<juzi-quick-replies lang="en" .bridge=${bridge} .replies=${library}></juzi-quick-replies>`);
      await settle(el);
      expect(searchBox(el).getAttribute('aria-label')).to.equal('Search replies');
      expect(groupButtons(el)[0]!.textContent).to.equal('All');
      expect(rows(el).map((r) => r.querySelector('[part="kind"]')!.textContent)).to.deep.equal([
        'Text',
        'Text',
        'Image',
        'Video',
        'File',
        'Link card',
        'Mini program',
      ]);
      el.query = 'zzz';
      await settle(el);
      expect(notice(el)!.textContent).to.equal('No replies match “zzz”.');
      el.replies = [];
      await settle(el);
      expect(notice(el)!.textContent).to.equal('There are no replies yet.');
    });
  });

  describe('scale', () => {
    /** How many strings are folded (normalized) while `el` searches for `query`. */
    async function foldsWhileSearching(el: JuziQuickReplies, query: string): Promise<number> {
      const normalize = sinon.spy(String.prototype, 'normalize');
      try {
        el.query = query;
        await settle(el);
      } finally {
        normalize.restore();
      }
      return normalize.callCount;
    }

    it('keeps well under 200 rows in the DOM for 10,000 replies, and finds the last one', async () => {
      const el = await mount(manyReplies(10000));
      expect(rows(el).length).to.be.within(1, 60);
      expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(1000);
      el.query = 'kw9999';
      await settle(el);
      expect(titles(el)).to.deep.equal(['话术 9999']);
      el.query = '';
      await settle(el);
      await scrollToEnd(el);
      expect(titles(el)).to.include('话术 9999');
      expect(rows(el).length).to.be.within(1, 60);
      expect(rows(el).at(-1)!.getAttribute('aria-posinset')).to.equal('10000');
      expect(rows(el).at(-1)!.getAttribute('aria-setsize')).to.equal('10000');
    });

    it('a new search starts at the top of the list', async () => {
      const el = await mount(manyReplies(1000));
      await scrollToEnd(el);
      expect(listbox(el).scrollTop).to.be.above(0);
      el.query = '话术';
      await settle(el);
      expect(listbox(el).scrollTop).to.equal(0);
      expect(titles(el)[0]).to.equal('话术 0');
    });

    it('folds the search text while idle, so the first keystroke folds only the query', async () => {
      const el = await mount(manyReplies(1000));
      await idle();
      expect(await foldsWhileSearching(el, '第 999 条')).to.equal(1);
      expect(titles(el)).to.deep.equal(['话术 999']);
    });

    it('a library replaced before it was folded is folded anew', async () => {
      const el = await mount(manyReplies(10));
      el.replies = manyReplies(20);
      await settle(el);
      await idle();
      expect(await foldsWhileSearching(el, 'kw19')).to.equal(1);
      expect(titles(el)).to.deep.equal(['话术 19']);
    });

    it('moving the active reply past the viewport scrolls it into view', async () => {
      const el = await mount(manyReplies(10000));
      searchBox(el).focus();
      for (let i = 0; i < 12; i++) await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      const active = activeRow(el)!;
      expect(active.querySelector('[part="title"]')!.textContent).to.equal('话术 12');
      const list = listbox(el).getBoundingClientRect();
      const box = active.getBoundingClientRect();
      expect(box.top).to.be.at.least(list.top - 1);
      expect(box.bottom).to.be.at.most(list.bottom + 1);
    });
  });

  describe('a large library', () => {
    // Only the first screenful is checked before the list shows, the rest in an idle moment.
    // The browser's idle callbacks are held here, so a test sees the page before that moment.
    let idleWork: (() => void)[];
    let realIdle: typeof requestIdleCallback | undefined;

    beforeEach(() => {
      idleWork = [];
      realIdle = window.requestIdleCallback;
      window.requestIdleCallback = ((callback: IdleRequestCallback) =>
        idleWork.push(() => callback({ didTimeout: false, timeRemaining: () => 50 }))) as typeof requestIdleCallback;
    });

    afterEach(() => {
      if (realIdle) window.requestIdleCallback = realIdle;
      else delete (window as Partial<Window>).requestIdleCallback;
    });

    const runIdleWork = () => {
      for (const work of idleWork.splice(0)) work();
    };

    /** 10,000 items: two bad ones far down (no title, a repeated id), and a last reply alone in group 深夜. */
    function largeLibrary(): QuickReply[] {
      const items = manyReplies(10000);
      items[9000] = { id: 'no-title', message: 'hi' } as QuickReply;
      items[9500] = { ...items[1]!, title: 'the id of the second' };
      items[9999] = { id: 'night', title: '深夜问候', group: '深夜', message: '{{chat.name}}晚上好' };
      return items;
    }

    async function mountHeld(replies: unknown[], errors: CustomEvent[] = []) {
      const el = await fixture<JuziQuickReplies>(
        html`<juzi-quick-replies .bridge=${bridge} .replies=${replies} @juzi-error=${(e: CustomEvent) => errors.push(e)}></juzi-quick-replies>`,
      );
      await settle(el);
      return el;
    }

    it('lists the rest by the next idle moment: its groups, its last reply, its bad items reported once', async () => {
      const errors: CustomEvent[] = [];
      const el = await mountHeld(largeLibrary(), errors);
      expect(titles(el)[0]).to.equal('话术 0');
      runIdleWork();
      await settle(el);
      expect(groupButtons(el).map((b) => b.textContent)).to.include('深夜');
      await scrollToEnd(el);
      expect(titles(el)).to.include('深夜问候');
      expect(rows(el).at(-1)!.getAttribute('aria-setsize')).to.equal('9998');
      el.query = 'kw';
      await settle(el);
      expect(errors).to.have.length(1);
      const { error } = errors[0]!.detail as { error: { code: string; issues: { path: unknown[] }[] } };
      expect(error.code).to.equal('invalid-params');
      expect(error.issues.map((i) => i.path)).to.deep.equal([[9000, 'title'], [9500, 'id']]);
    });

    it('a search, a group, send(), the getters and End before that moment see the whole library', async () => {
      const uses: Record<string, (el: JuziQuickReplies) => Promise<void>> = {
        search: async (el) => {
          el.query = '晚上好';
          await settle(el);
          expect(titles(el)).to.deep.equal(['深夜问候']);
        },
        group: async (el) => {
          el.group = '深夜';
          await settle(el);
          expect(titles(el)).to.deep.equal(['深夜问候']);
        },
        send: async (el) => {
          expect(await el.send('night')).to.equal(true);
          expect(host.sent.at(-1)).to.deep.equal({ msgtype: 'text', text: { content: '张三晚上好' } });
        },
        shownReplies: async (el) => {
          expect(el.shownReplies).to.have.length(9998);
          expect(el.shownReplies.at(-1)!.id).to.equal('night');
        },
        groups: async (el) => {
          expect(el.groups).to.deep.equal(['开场白', '产品介绍', '售后', '活动', '深夜']);
        },
        End: async (el) => {
          listbox(el).focus();
          await sendKeys({ press: 'End' });
          await settle(el);
          expect(activeRow(el)?.querySelector('[part="title"]')?.textContent).to.equal('深夜问候');
        },
      };
      for (const [name, use] of Object.entries(uses)) {
        const errors: CustomEvent[] = [];
        const el = await mountHeld(largeLibrary(), errors);
        await use(el);
        await settle(el);
        expect(errors.map((e) => (e.detail as { error: { issues: unknown[] } }).error.issues), name).to.have.length(1);
      }
      expect(idleWork, 'the idle work is still waiting').to.not.be.empty;
    });

    it('a first screenful with nothing valid in it does not say the library is empty', async () => {
      const items = [...Array.from({ length: 300 }, (_, i) => ({ id: `bad${i}`, message: 'no title' })), ...manyReplies(5)];
      const el = await mountHeld(items);
      expect(notice(el)?.textContent ?? '').to.equal('');
      expect(titles(el)).to.deep.equal(['话术 0', '话术 1', '话术 2', '话术 3', '话术 4']);
    });

    it('a library replaced before that moment leaves nothing of itself behind', async () => {
      const errors: CustomEvent[] = [];
      const el = await mountHeld(largeLibrary(), errors);
      el.replies = library;
      await settle(el);
      runIdleWork();
      await settle(el);
      expect(groupButtons(el).map((b) => b.textContent)).to.deep.equal(['全部', '开场白', '产品介绍', '售后', '活动']);
      expect(titles(el)).to.have.length(library.length);
      expect(errors).to.have.length(0);
    });
  });
});
