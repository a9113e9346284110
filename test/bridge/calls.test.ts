import { expect } from '@open-wc/testing';
import { createBridge, JuziError, type JuziBridge, type JuziHost, type SendMessage } from '../../src/bridge/index.js';
import { createSimulatedHost, defaultChats, type SimulatedHost } from '../../src/dev/index.js';
import { toIssues } from '../../src/bridge/schemas.js';
import { rejection } from '../helpers.js';

const group = defaultChats.findIndex((c) => c.type === 1);

describe('bridge calls', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;

  beforeEach(() => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 100, readyTimeout: 100 });
  });

  describe('getCurExternalContact', () => {
    it('resolves the contact of a single chat', async () => {
      expect(await bridge.getCurExternalContact()).to.deep.equal({ userId: host.currentChat.wxUserId });
    });
    it('is host-fail with the host words in a group chat', async () => {
      host.switchChat(group);
      const error = await rejection(bridge.getCurExternalContact());
      expect(error).to.include({ code: 'host-fail', api: 'getCurExternalContact', errMsg: 'getCurExternalContact:fail' });
    });
    it('is invalid-response when userId is not a string', async () => {
      host.setFault('getCurExternalContact', { kind: 'malformed' });
      const error = await rejection(bridge.getCurExternalContact());
      expect(error.code).to.equal('invalid-response');
      expect(error.issues?.[0]?.path).to.deep.equal(['userId']);
    });
    it('is timeout when the host never answers', async () => {
      host.setFault('getCurExternalContact', { kind: 'never' });
      const error = await rejection(bridge.getCurExternalContact());
      expect(error).to.include({ code: 'timeout', api: 'getCurExternalContact' });
      expect(error.message).to.contain('100 ms');
    });
  });

  describe('getCurExternalChat', () => {
    it('resolves the chatId of a group chat', async () => {
      host.switchChat(group);
      expect(await bridge.getCurExternalChat()).to.deep.equal({ chatId: defaultChats[group]!.wxChatId });
    });
    it('is host-fail in a single chat', async () => {
      const error = await rejection(bridge.getCurExternalChat());
      expect(error).to.include({ code: 'host-fail', errMsg: 'getCurExternalChat:fail' });
    });
    it('is invalid-response when chatId is not a string', async () => {
      host.setFault('getCurExternalChat', { kind: 'malformed' });
      expect((await rejection(bridge.getCurExternalChat())).code).to.equal('invalid-response');
    });
  });

  describe('getCurChatInfo', () => {
    it('normalises the chat: Id becomes id, err_msg and unknown fields dropped', async () => {
      host.setChats([{ ...defaultChats[0]!, avatar: 'x', extra: { a: 1 } }]);
      const chat = await bridge.getCurChatInfo();
      const { Id, ...rest } = defaultChats[0]!;
      expect(chat).to.deep.equal({ id: Id, ...rest });
      expect(chat).not.to.have.property('err_msg');
      expect(chat).not.to.have.property('avatar');
    });
    it('accepts the lower-case id the host has been seen sending', async () => {
      const { Id, ...rest } = defaultChats[0]!;
      host.setChats([{ ...rest, id: 'lower-id' }]);
      expect((await bridge.getCurChatInfo()).id).to.equal('lower-id');
      expect(Id).to.be.a('string');
    });
    it('keeps an enum number outside the known set', async () => {
      host.setChats([{ ...defaultChats[0]!, botType: 9, botStatus: 7, type: 5 }]);
      expect(await bridge.getCurChatInfo()).to.include({ botType: 9, botStatus: 7, type: 5 });
    });
    it('drops a wxChatId lingering on a single chat and a wxUserId on a group', async () => {
      host.setChats([
        { ...defaultChats[0]!, type: 0, wxUserId: 'u1', wxChatId: 'stale-group' },
        { ...defaultChats[0]!, Id: 'g', type: 1, wxUserId: 'stale-user', wxChatId: 'c1' },
      ]);
      const single = await bridge.getCurChatInfo();
      expect(single.wxUserId).to.equal('u1');
      expect(single).not.to.have.property('wxChatId');
      host.switchChat(1);
      const groupChat = await bridge.getCurChatInfo();
      expect(groupChat.wxChatId).to.equal('c1');
      expect(groupChat).not.to.have.property('wxUserId');
    });
    it('accepts a chat wrapped in data', async () => {
      const { Id, ...rest } = defaultChats[0]!;
      host.setFault('getCurChatInfo', { kind: 'malformed', response: { err_msg: 'getCurChatInfo:ok', data: { Id, ...rest } } });
      expect((await bridge.getCurChatInfo()).id).to.equal(Id);
    });
    for (const [field, value] of [
      ['name', 42],
      ['type', '0'],
      ['external', 'yes'],
      ['botStatus', 1.5],
      ['botId', null],
      ['Id', 7],
    ] as const) {
      it(`is invalid-response when ${field} is ${JSON.stringify(value)}`, async () => {
        host.setChats([{ ...defaultChats[0]!, [field]: value }]);
        const error = await rejection(bridge.getCurChatInfo());
        expect(error.code).to.equal('invalid-response');
        expect(error.issues?.map((i) => i.path.join('.'))).to.include(field);
      });
    }
    it('is invalid-response when there is no id at all', async () => {
      const { Id, ...rest } = defaultChats[0]!;
      host.setChats([rest]);
      expect(Id).to.be.a('string');
      const error = await rejection(bridge.getCurChatInfo());
      expect(error.code).to.equal('invalid-response');
      expect(error.message).to.contain('Id or id');
      expect(error.issues).to.deep.equal([{ path: ['id'], message: 'Id or id must be a non-empty string' }]);
    });
    it('a chat with a data field of its own is the chat, not its data', async () => {
      const chat = defaultChats[0]!;
      host.setFault('getCurChatInfo', { kind: 'malformed', response: { ...chat, err_msg: 'getCurChatInfo:ok', data: { name: 'not the chat' } } });
      expect(await bridge.getCurChatInfo()).to.include({ id: chat.Id, name: chat.name });
    });
    it('an answer without a chat, whose data is no object, is checked as it came', async () => {
      for (const data of [null, 'chat']) {
        host.setFault('getCurChatInfo', { kind: 'malformed', response: { err_msg: 'getCurChatInfo:ok', data } });
        const error = await rejection(bridge.getCurChatInfo());
        expect(error.code).to.equal('invalid-response');
        expect(error.issues?.map((i) => i.path.join('.')), JSON.stringify(data)).to.include('name');
      }
    });
    it('is invalid-response for the default malformed answer and a non-object', async () => {
      host.setFault('getCurChatInfo', { kind: 'malformed' });
      expect((await rejection(bridge.getCurChatInfo())).code).to.equal('invalid-response');
      host.setFault('getCurChatInfo', { kind: 'malformed', response: 'ok' });
      expect((await rejection(bridge.getCurChatInfo())).code).to.equal('invalid-response');
    });
    it('is host-fail with the words the fail call-back gave', async () => {
      host.setFault('getCurChatInfo', { kind: 'fail', errMsg: 'getCurChatInfo:fail no permission' });
      expect(await rejection(bridge.getCurChatInfo())).to.include({ code: 'host-fail', errMsg: 'getCurChatInfo:fail no permission' });
    });
    it('is host-fail when the host throws', async () => {
      host.setFault('getCurChatInfo', { kind: 'throw', message: 'boom' });
      expect(await rejection(bridge.getCurChatInfo())).to.include({ code: 'host-fail', errMsg: 'boom' });
    });
    it('takes a call-back that comes twice once', async () => {
      host.setFault('getCurChatInfo', { kind: 'twice' });
      expect((await bridge.getCurChatInfo()).id).to.equal(defaultChats[0]!.Id);
      await new Promise((r) => setTimeout(r, 20)); // the second (fail) answer lands now and is ignored
      expect(host.callCount('getCurChatInfo')).to.equal(1);
    });
    it('is timeout when the host never answers', async () => {
      host.setFault('getCurChatInfo', { kind: 'never' });
      expect(await rejection(bridge.getCurChatInfo())).to.include({ code: 'timeout', api: 'getCurChatInfo' });
    });
  });

  describe('sendChatMessage', () => {
    const messages: SendMessage[] = [
      { msgtype: 'text', text: { content: '你好' } },
      { msgtype: 'image', image: { url: 'https://example.com/a.png', title: 'a' } },
      { msgtype: 'video', video: { url: 'https://example.com/a.mp4' } },
      { msgtype: 'file', file: { url: 'http://example.com/a.pdf', title: 'A' } },
      { msgtype: 'news', news: { link: 'https://example.com', title: 't', desc: 'd', imgUrl: 'https://example.com/i.png' } },
      {
        msgtype: 'miniprogram',
        miniprogram: {
          appid: 'wx8bd80126147dfAAA',
          title: 'Mini',
          imgUrl: 'https://example.com/i.png',
          page: '/index/page.html',
          desc: 'desc',
          iconUrl: 'https://example.com/icon.png',
          officialAccountId: 'gh_abc',
        },
      },
    ];
    for (const message of messages) {
      it(`sends a ${message.msgtype} message exactly as given`, async () => {
        await bridge.sendChatMessage(message);
        expect(host.sent).to.deep.equal([message]);
        expect(host.calls.at(-1)).to.deep.include({ api: 'sendChatMessage', params: message });
      });
    }
    it('strips fields the host does not know', async () => {
      await bridge.sendChatMessage({ msgtype: 'text', text: { content: 'hi' }, image: { url: 'x' } } as SendMessage);
      expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: 'hi' } }]);
    });
    it('refuses a blank text before the host is called', async () => {
      const error = await rejection(bridge.sendChatMessage({ msgtype: 'text', text: { content: '  ' } }));
      expect(error).to.include({ code: 'invalid-params', api: 'sendChatMessage' });
      expect(error.issues).to.deep.equal([{ path: ['text', 'content'], message: 'content must not be blank' }]);
      expect(host.callCount()).to.equal(0);
    });
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '/relative.png', 'ftp://x/y', ' https://x.com', 'https:x']) {
      it(`refuses the URL ${JSON.stringify(url)} before the host is called`, async () => {
        const error = await rejection(bridge.sendChatMessage({ msgtype: 'image', image: { url } }));
        expect(error.code).to.equal('invalid-params');
        expect(error.issues?.[0]).to.deep.equal({ path: ['image', 'url'], message: 'must be an http(s) URL' });
        expect(host.callCount()).to.equal(0);
      });
    }
    it('refuses a miniprogram with a field missing', async () => {
      const { officialAccountId, ...partial } = (messages[5] as Extract<SendMessage, { msgtype: 'miniprogram' }>).miniprogram;
      expect(officialAccountId).to.be.a('string');
      const error = await rejection(bridge.sendChatMessage({ msgtype: 'miniprogram', miniprogram: partial } as SendMessage));
      expect(error.issues?.[0]).to.deep.equal({ path: ['miniprogram', 'officialAccountId'], message: 'expected string' });
      expect(host.callCount()).to.equal(0);
    });
    it('refuses an unknown msgtype and says which are known', async () => {
      const error = await rejection(bridge.sendChatMessage({ msgtype: 'voice' } as unknown as SendMessage));
      expect(error.message).to.contain('"text"').and.contain('"miniprogram"');
      expect(host.callCount()).to.equal(0);
    });
    it('is host-fail with the host words when the host refuses', async () => {
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'url is empty' });
      const error = await rejection(bridge.sendChatMessage(messages[1]!));
      expect(error).to.be.instanceOf(JuziError);
      expect(error).to.include({ code: 'host-fail', errMsg: 'url is empty' });
    });
    it('is timeout when the host never answers', async () => {
      host.setFault('sendChatMessage', { kind: 'never' });
      expect((await rejection(bridge.sendChatMessage(messages[0]!))).code).to.equal('timeout');
    });
    it('takes a double answer once', async () => {
      host.setFault('sendChatMessage', { kind: 'twice' });
      await bridge.sendChatMessage(messages[0]!);
      await new Promise((r) => setTimeout(r, 20));
      expect(host.callCount('sendChatMessage')).to.equal(1);
    });
  });

  describe('openEnterpriseChat', () => {
    it('joins id lists with ; and sends only what was given', async () => {
      await bridge.openEnterpriseChat({ userIds: ['zhangsan', 'lisi'], externalUserIds: ['wm1', 'wm2'] });
      expect(host.calls.at(-1)).to.deep.include({
        api: 'openEnterpriseChat',
        params: { userIds: 'zhangsan;lisi', externalUserIds: 'wm1;wm2' },
      });
    });
    it('passes strings and chatId through', async () => {
      await bridge.openEnterpriseChat({ userIds: 'zhangsan', chatId: 'CHATID' });
      expect(host.calls.at(-1)?.params).to.deep.equal({ userIds: 'zhangsan', chatId: 'CHATID' });
    });
    for (const userIds of [undefined, '', ' ', [], ['']]) {
      it(`refuses userIds ${JSON.stringify(userIds)} before the host is called`, async () => {
        const error = await rejection(bridge.openEnterpriseChat({ userIds } as never));
        expect(error).to.include({ code: 'invalid-params', api: 'openEnterpriseChat' });
        expect(error.issues?.[0]?.path[0]).to.equal('userIds');
        expect(host.callCount()).to.equal(0);
      });
    }
    it('is host-fail when the host refuses', async () => {
      host.setFault('openEnterpriseChat', { kind: 'fail', errMsg: 'openEnterpriseChat:fail no such user' });
      expect(await rejection(bridge.openEnterpriseChat({ userIds: 'x' }))).to.include({
        code: 'host-fail',
        errMsg: 'openEnterpriseChat:fail no such user',
      });
    });
    it('is timeout when the host never answers', async () => {
      host.setFault('openEnterpriseChat', { kind: 'never' });
      expect((await rejection(bridge.openEnterpriseChat({ userIds: 'x' }))).code).to.equal('timeout');
    });
  });

  describe('previewImage', () => {
    const urls = ['https://example.com/1.png', 'https://example.com/2.png'];
    it('defaults current to the first url', async () => {
      await bridge.previewImage({ urls });
      expect(host.calls.at(-1)).to.deep.include({ api: 'previewImage', params: { current: urls[0], urls } });
    });
    it('sends the current it was given', async () => {
      await bridge.previewImage({ urls, current: urls[1] });
      expect(host.calls.at(-1)?.params).to.deep.equal({ current: urls[1], urls });
    });
    it('refuses empty urls, a non-http url and a current not in urls', async () => {
      for (const params of [{ urls: [] }, { urls: ['javascript:alert(1)'] }, { urls, current: 'https://example.com/3.png' }]) {
        expect((await rejection(bridge.previewImage(params))).code).to.equal('invalid-params');
      }
      const error = await rejection(bridge.previewImage({ urls, current: 'https://example.com/3.png' }));
      expect(error.issues).to.deep.equal([{ path: ['current'], message: 'current must be one of urls' }]);
      expect(host.callCount()).to.equal(0);
    });
    it('is host-fail when the host refuses', async () => {
      host.setFault('previewImage', { kind: 'fail' });
      expect(await rejection(bridge.previewImage({ urls }))).to.include({ code: 'host-fail', errMsg: 'previewImage:fail' });
    });
    it('counts no answer within 1 s as opened, whatever the timeout', async () => {
      for (const timeout of [100, 5000]) {
        bridge.configure({ timeout });
        host.setFault('previewImage', { kind: 'never' });
        const started = performance.now();
        await bridge.previewImage({ urls });
        expect(performance.now() - started).to.be.within(950, 1600);
      }
    });
    it('ignores an answer that comes after the grace', async () => {
      host.setFault('previewImage', { kind: 'fail' });
      host.setLatency(1200);
      const errors: unknown[] = [];
      const onError = (event: PromiseRejectionEvent) => errors.push(event.reason);
      window.addEventListener('unhandledrejection', onError);
      try {
        await bridge.previewImage({ urls });
        await new Promise((r) => setTimeout(r, 400));
        expect(errors).to.deep.equal([]);
        expect(bridge.diagnostics().calls.at(-1)).to.include({ api: 'previewImage', outcome: 'ok', late: true });
      } finally {
        window.removeEventListener('unhandledrejection', onError);
      }
    });
    it('is host-fail for an explicit fail just before the grace ends', async () => {
      host.setFault('previewImage', { kind: 'fail', errMsg: 'previewImage:fail no viewer' });
      host.setLatency(800);
      expect(await rejection(bridge.previewImage({ urls }))).to.include({ code: 'host-fail', errMsg: 'previewImage:fail no viewer' });
    });
  });

  describe("the host's words under errMsg (jweixin's key)", () => {
    const urls = ['https://example.com/1.png'];
    it('reads a fail answer from errMsg when err_msg is absent', async () => {
      host.setFault('openEnterpriseChat', { kind: 'errMsg', fail: 'openEnterpriseChat:fail no such user' });
      expect(await rejection(bridge.openEnterpriseChat({ userIds: 'x' }))).to.include({
        code: 'host-fail',
        errMsg: 'openEnterpriseChat:fail no such user',
      });
      host.setFault('getCurExternalContact', { kind: 'errMsg' });
      host.switchChat(group);
      expect(await rejection(bridge.getCurExternalContact())).to.include({ code: 'host-fail', errMsg: 'getCurExternalContact:fail' });
    });
    it('takes an invoke answered ok under errMsg as a success', async () => {
      host.setFault('getCurExternalContact', { kind: 'errMsg' });
      host.setFault('sendChatMessage', { kind: 'errMsg' });
      expect(await bridge.getCurExternalContact()).to.deep.equal({ userId: host.currentChat.wxUserId });
      await bridge.sendChatMessage({ msgtype: 'text', text: { content: 'hi' } });
      expect(host.sent).to.have.length(1);
    });
    it('prefers err_msg when a host sends both', async () => {
      const both: JuziHost = {
        invoke: () => {},
        getCurChatInfo: () => {},
        openEnterpriseChat: ({ fail }) => setTimeout(() => fail?.({ err_msg: 'from err_msg', errMsg: 'from errMsg' })),
        previewImage: ({ fail }) => setTimeout(() => fail?.({ errMsg: 'previewImage:fail jweixin' })),
      };
      const jweixin = createBridge({ host: both });
      expect((await rejection(jweixin.openEnterpriseChat({ userIds: 'x' }))).errMsg).to.equal('from err_msg');
      expect((await rejection(jweixin.previewImage({ urls }))).errMsg).to.equal('previewImage:fail jweixin');
    });
  });

  describe('timeouts', () => {
    for (const value of [0, 0.5, -1, 2147483648, 3e9, Infinity, NaN, '100', null]) {
      it(`refuses ${String(value)} ms as timeout and readyTimeout`, () => {
        for (const key of ['timeout', 'readyTimeout'] as const) {
          let thrown: unknown;
          try {
            bridge.configure({ [key]: value } as never);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).to.be.instanceOf(JuziError);
          expect(thrown).to.include({ code: 'invalid-params', api: 'configure' });
          expect(() => createBridge({ [key]: value } as never)).to.throw(JuziError);
        }
      });
    }
    it('accepts 1 ms and 2,147,483,647 ms', async () => {
      bridge.configure({ timeout: 2147483647, readyTimeout: 1 });
      expect((await bridge.getCurChatInfo()).id).to.equal(defaultChats[0]!.Id);
      bridge.configure({ timeout: 1 });
      host.setFault('getCurChatInfo', { kind: 'never' });
      expect((await rejection(bridge.getCurChatInfo())).message).to.contain('1 ms');
    });
  });
});

describe('bridge sidebarAuth', () => {
  it('answers the code in data.baseInfo.code, one host call per caller', async () => {
    let n = 0;
    const host = createSimulatedHost({ authCode: () => `code-${++n}` });
    const bridge = createBridge({ host });
    const answers = await Promise.all([bridge.sidebarAuth(), bridge.sidebarAuth()]);
    expect(answers.map((a) => a.code).sort()).to.deep.equal(['code-1', 'code-2']);
    expect(host.callCount('sidebarAuth')).to.equal(2);
  });
  it('is invalid-response for a code that is not a string, host-fail when refused', async () => {
    const host = createSimulatedHost({ faults: { sidebarAuth: { kind: 'malformed' } } });
    const bridge = createBridge({ host, timeout: 100 });
    const error = await rejection(bridge.sidebarAuth());
    expect(error.code).to.equal('invalid-response');
    expect(error.issues?.[0]?.path).to.deep.equal(['data', 'baseInfo', 'code']);
    host.setFault('sidebarAuth', { kind: 'fail', errMsg: 'sidebarAuth:fail not in toolbar mode' });
    expect(await rejection(bridge.sidebarAuth())).to.include({ code: 'host-fail', errMsg: 'sidebarAuth:fail not in toolbar mode' });
  });
});

describe('toIssues', () => {
  it('says what was expected where zod/mini gives no words', () => {
    const raw = (issue: object) => ({ code: 'custom', path: ['a', 0], message: 'Invalid input', ...issue });
    expect(toIssues([raw({ code: 'invalid_type', expected: 'string' })])).to.deep.equal([{ path: ['a', 0], message: 'expected string' }]);
    expect(toIssues([raw({ options: ['text', 'image'] })])).to.deep.equal([{ path: ['a', 0], message: 'expected one of "text", "image"' }]);
    expect(toIssues([raw({ values: ['text', 'image'] })])).to.deep.equal([{ path: ['a', 0], message: 'expected "text" or "image"' }]);
    expect(toIssues([raw({})])).to.deep.equal([{ path: ['a', 0], message: 'invalid value' }]);
    expect(toIssues([raw({ message: 'must not be blank' })])).to.deep.equal([{ path: ['a', 0], message: 'must not be blank' }]);
  });
});
