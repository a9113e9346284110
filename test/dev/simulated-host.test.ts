import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { HostApi, HostResponse, InvokeApi, JuziHost, MethodApi } from '../../src/bridge/host.js';
import {
  createSimulatedHost,
  defaultChats,
  installSimulatedHost,
  type SimulatedChat,
  type SimulatedHost,
} from '../../src/dev/index.js';

type Answer = { via: 'success' | 'fail'; res: unknown };

/** One invoke, as a promise of the single call-back's argument. */
const invoke = (host: JuziHost, api: InvokeApi, params: object = {}): Promise<HostResponse> =>
  new Promise((resolve) => host.invoke(api, params, resolve));

/** One method call, as a promise of which call-back ran and with what. */
const call = (host: SimulatedHost, api: MethodApi, params: object = {}): Promise<Answer> =>
  new Promise((resolve) => {
    const method = host[api] as (options: object) => void;
    method({
      ...params,
      success: (res: unknown) => resolve({ via: 'success', res }),
      fail: (res: unknown) => resolve({ via: 'fail', res }),
    });
  });

/** A call-back that records every answer, and a promise of the first `n` of them. */
function collector<T = unknown>(n: number) {
  const seen: T[] = [];
  let done!: (value: T[]) => void;
  const promise = new Promise<T[]>((resolve) => (done = resolve));
  const callback = (res: T) => {
    seen.push(res);
    if (seen.length === n) done(seen.slice());
  };
  return { seen, callback, promise };
}

/** One macrotask, so any timer queued before it has run. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const listen = (host: JuziHost, callback: (res: HostResponse) => void) =>
  host.invoke('updateBaseInfo', { reqType: 'listen' }, callback);

const chat = (over: Partial<SimulatedChat> = {}): SimulatedChat => ({
  Id: 'c1',
  name: 'One',
  type: 0,
  external: true,
  wxUserId: 'wm-one',
  botId: 'b1',
  botName: 'Bot',
  botStatus: 2,
  botType: 2,
  jzGroupId: 'g1',
  jzUserId: 'u1',
  ...over,
});

describe('simulated host', () => {
  describe('defaultChats', () => {
    it('covers the chats the demo and tests rely on', () => {
      const byId = (id: string) => defaultChats.find((c) => c.Id === id);
      expect(defaultChats.length).to.be.within(7, 9);
      expect(byId('chat-zhangsan')).to.include({
        type: 0,
        external: true,
        wxUserId: 'wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA',
        botStatus: 2,
        botType: 2,
      });
      expect(defaultChats.find((c) => c.wxChatId === 'wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA')).to.include({
        type: 1,
        external: true,
        name: '客户服务群',
      });
      expect(defaultChats.some((c) => c.external === false)).to.equal(true);
      expect(defaultChats.some((c) => c.botStatus === 1)).to.equal(true);
      for (const botType of [1, 2, 3, 4]) expect(defaultChats.some((c) => c.botType === botType)).to.equal(true);
      expect(defaultChats.some((c) => c.name === '<img src=x onerror="alert(1)">Eve')).to.equal(true);
    });

    it('uses the seed key Id and plausible string ids everywhere', () => {
      const ids = new Set<string>();
      for (const c of defaultChats) {
        expect(c).to.not.have.property('id');
        expect(c.Id).to.be.a('string').and.not.equal('');
        ids.add(c.Id as string);
        for (const key of ['name', 'botId', 'botName', 'jzGroupId', 'jzUserId'] as const) {
          expect(c[key]).to.be.a('string').and.not.equal('');
        }
        expect(c.type === 0 || c.type === 1).to.equal(true);
        expect(c.botStatus === 1 || c.botStatus === 2).to.equal(true);
      }
      expect(ids.size).to.equal(defaultChats.length);
    });

    it('is frozen, so one test cannot change another test’s fixtures', () => {
      expect(Object.isFrozen(defaultChats)).to.equal(true);
      expect(Object.isFrozen(defaultChats[0])).to.equal(true);
    });
  });

  describe('shape', () => {
    it('is a JuziHost flagged isJuziWx whose methods work detached, like the real wx', async () => {
      const host: JuziHost = createSimulatedHost();
      expect(host.isJuziWx).to.equal(true);
      const { invoke: detachedInvoke, getCurChatInfo } = host;
      const res = await new Promise<HostResponse>((resolve) => detachedInvoke('getCurExternalContact', {}, resolve));
      expect(res.err_msg).to.equal('getCurExternalContact:ok');
      const info = await new Promise<unknown>((resolve) => getCurChatInfo({ success: resolve }));
      expect(info).to.include({ Id: 'chat-zhangsan' });
    });

    it('starts on chat 0 by default, or on the chat given by index or Id/id', () => {
      expect(createSimulatedHost().currentChat.Id).to.equal(defaultChats[0]?.Id);
      expect(createSimulatedHost({ chat: 1 }).currentChat.Id).to.equal(defaultChats[1]?.Id);
      expect(createSimulatedHost({ chat: 'chat-eve' }).currentChat.Id).to.equal('chat-eve');
      const host = createSimulatedHost({ chats: [chat(), chat({ Id: undefined, id: 'lower' })], chat: 'lower' });
      expect(host.currentChat.id).to.equal('lower');
    });

    it('refuses options it cannot honour', () => {
      expect(() => createSimulatedHost({ chats: [] })).to.throw(RangeError);
      expect(() => createSimulatedHost({ chat: 99 })).to.throw(RangeError);
      expect(() => createSimulatedHost({ chat: 'nope' })).to.throw(RangeError);
      expect(() => createSimulatedHost({ latency: -1 })).to.throw(RangeError);
      expect(() => createSimulatedHost({ staleReadsAfterSwitch: 1.5 })).to.throw(RangeError);
      expect(() => createSimulatedHost().setLatency(Number.NaN)).to.throw(RangeError);
    });

    it('hands out copies, so callers cannot change its state by mutation', async () => {
      const host = createSimulatedHost();
      (host.currentChat as SimulatedChat).name = 'changed';
      (host.chats[0] as SimulatedChat).name = 'changed';
      expect(host.currentChat.name).to.equal('张三');
      const first = await call(host, 'getCurChatInfo');
      (first.res as SimulatedChat).name = 'changed';
      const second = await call(host, 'getCurChatInfo');
      expect((second.res as SimulatedChat).name).to.equal('张三');
    });
  });

  describe('getCurExternalContact', () => {
    it('answers the userId of a single chat', async () => {
      const res = await invoke(createSimulatedHost(), 'getCurExternalContact');
      expect(res).to.deep.equal({ userId: 'wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA', err_msg: 'getCurExternalContact:ok' });
    });

    it('fails with userId undefined in a group chat or a chat without wxUserId', async () => {
      for (const at of ['chat-kefu-group', 'chat-lisi-internal', 'chat-whatsapp-maria']) {
        const res = await invoke(createSimulatedHost({ chat: at }), 'getCurExternalContact');
        expect(res).to.deep.equal({ userId: undefined, err_msg: 'getCurExternalContact:fail' });
        expect(res).to.have.property('userId');
      }
    });
  });

  describe('getCurExternalChat', () => {
    it('answers the chatId of a group chat', async () => {
      const res = await invoke(createSimulatedHost({ chat: 'chat-kefu-group' }), 'getCurExternalChat');
      expect(res).to.deep.equal({ chatId: 'wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA', err_msg: 'getCurExternalChat:ok' });
    });

    it('fails with chatId undefined in a single chat, or a group without wxChatId', async () => {
      const single = await invoke(createSimulatedHost(), 'getCurExternalChat');
      expect(single).to.deep.equal({ chatId: undefined, err_msg: 'getCurExternalChat:fail' });
      const bare = createSimulatedHost({ chats: [chat({ type: 1, wxUserId: undefined })] });
      expect(await invoke(bare, 'getCurExternalChat')).to.deep.equal({
        chatId: undefined,
        err_msg: 'getCurExternalChat:fail',
      });
    });
  });

  describe('getCurChatInfo', () => {
    it('succeeds with a copy of the current chat plus err_msg', async () => {
      const host = createSimulatedHost({ chat: 'chat-kefu-group' });
      const answer = await call(host, 'getCurChatInfo');
      expect(answer.via).to.equal('success');
      expect(answer.res).to.deep.equal({ ...defaultChats[1], err_msg: 'getCurChatInfo:ok' });
    });

    it('passes unknown fields and wrong types through untouched', async () => {
      const host = createSimulatedHost({ chats: [chat({ extra: { deep: [1] }, botStatus: '2' as unknown as number })] });
      const answer = await call(host, 'getCurChatInfo');
      expect(answer.res).to.deep.include({ extra: { deep: [1] }, botStatus: '2' });
    });
  });

  describe('sendChatMessage', () => {
    const ok = { err_msg: 'sendChatMessage:ok' };
    const accepted = [
      { msgtype: 'text', text: { content: '你好' } },
      { msgtype: 'image', image: { url: 'https://example.com/a.png' } },
      { msgtype: 'video', video: { url: 'https://example.com/a.mp4', title: 'v' } },
      { msgtype: 'file', file: { url: 'https://example.com/a.pdf' } },
      { msgtype: 'news', news: { link: 'https://example.com/', title: 't', desc: 'd', imgUrl: 'https://example.com/i.png' } },
      {
        msgtype: 'miniprogram',
        miniprogram: {
          appid: 'wx123',
          title: 't',
          imgUrl: 'https://example.com/i.png',
          page: 'pages/index',
          desc: '',
          iconUrl: 'https://example.com/icon.png',
          officialAccountId: 'gh_123',
        },
      },
    ];

    it('accepts every message type and records each accepted message in sent', async () => {
      const host = createSimulatedHost();
      for (const message of accepted) expect(await invoke(host, 'sendChatMessage', message)).to.deep.equal(ok);
      expect(host.sent).to.deep.equal(accepted);
    });

    it('answers "text content is empty" for empty or blank text', async () => {
      const host = createSimulatedHost();
      for (const content of ['', '  \n\t', undefined]) {
        const res = await invoke(host, 'sendChatMessage', { msgtype: 'text', text: { content } });
        expect(res).to.deep.equal({ err_msg: 'text content is empty' });
      }
      expect(await invoke(host, 'sendChatMessage', { msgtype: 'text' })).to.deep.equal({
        err_msg: 'text content is empty',
      });
      expect(host.sent).to.deep.equal([]);
    });

    it('answers "url is empty" for media without url and news without link', async () => {
      const host = createSimulatedHost();
      for (const message of [
        { msgtype: 'image', image: { url: '' } },
        { msgtype: 'video', video: { title: 'no url' } },
        { msgtype: 'file', file: { url: ' ' } },
        { msgtype: 'news', news: { link: '', title: 't' } },
        { msgtype: 'image' },
      ]) {
        expect(await invoke(host, 'sendChatMessage', message)).to.deep.equal({ err_msg: 'url is empty' });
      }
      expect(host.sent).to.deep.equal([]);
    });

    it('answers sendChatMessage:fail for an unknown msgtype', async () => {
      const host = createSimulatedHost();
      expect(await invoke(host, 'sendChatMessage', { msgtype: 'voice', voice: {} })).to.deep.equal({
        err_msg: 'sendChatMessage:fail',
      });
      expect(await invoke(host, 'sendChatMessage', {})).to.deep.equal({ err_msg: 'sendChatMessage:fail' });
      expect(host.sent).to.deep.equal([]);
    });

    it('keeps what was sent even if the caller mutates its message afterwards', async () => {
      const host = createSimulatedHost();
      const message = { msgtype: 'text', text: { content: 'before' } };
      const answered = invoke(host, 'sendChatMessage', message);
      message.text.content = 'after';
      await answered;
      expect(host.sent).to.deep.equal([{ msgtype: 'text', text: { content: 'before' } }]);
    });
  });

  describe('sendMultiChatMessage', () => {
    it('answers ok and does not count as a sent message', async () => {
      const host = createSimulatedHost();
      const res = await invoke(host, 'sendMultiChatMessage', { msgtype: 'text', text: { content: 'x' } });
      expect(res).to.deep.equal({ err_msg: 'sendMultiChatMessage:ok' });
      expect(host.sent).to.deep.equal([]);
    });
  });

  describe('sidebarAuth', () => {
    it('answers a fresh random sim- code in data.baseInfo.code', async () => {
      const host = createSimulatedHost();
      const first = await invoke(host, 'sidebarAuth');
      const second = await invoke(host, 'sidebarAuth');
      expect(first.err_msg).to.equal('sidebarAuth:ok');
      const code = (first as { data: { baseInfo: { code: string } } }).data.baseInfo.code;
      expect(code).to.match(/^sim-[0-9a-f]{32}$/);
      expect((second as { data: { baseInfo: { code: string } } }).data.baseInfo.code).to.not.equal(code);
    });

    it('answers the code from the authCode option', async () => {
      const host = createSimulatedHost({ authCode: () => 'fixed-code' });
      expect(await invoke(host, 'sidebarAuth')).to.deep.equal({
        err_msg: 'sidebarAuth:ok',
        data: { baseInfo: { code: 'fixed-code' } },
      });
    });

    it('waits for an async authCode, and fails with its reason when it rejects', async () => {
      const host = createSimulatedHost({ authCode: async () => 'fetched-code' });
      expect(await invoke(host, 'sidebarAuth')).to.deep.equal({
        err_msg: 'sidebarAuth:ok',
        data: { baseInfo: { code: 'fetched-code' } },
      });
      const failing = createSimulatedHost({ authCode: () => Promise.reject(new Error('region down')) });
      expect(await invoke(failing, 'sidebarAuth')).to.deep.equal({ err_msg: 'sidebarAuth:fail Error: region down' });
    });
  });

  describe('openEnterpriseChat', () => {
    it('succeeds when userIds is given', async () => {
      const host = createSimulatedHost();
      const answer = await call(host, 'openEnterpriseChat', {
        userIds: 'zhangsan',
        externalUserIds: 'wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA',
        chatId: 'CHATID',
      });
      expect(answer).to.deep.equal({ via: 'success', res: { err_msg: 'openEnterpriseChat:ok' } });
    });

    it('fails through fail() when userIds is missing, blank or not a string', async () => {
      const host = createSimulatedHost();
      for (const params of [{}, { userIds: '' }, { userIds: '   ' }, { userIds: ['zhangsan'] }]) {
        const answer = await call(host, 'openEnterpriseChat', params);
        expect(answer).to.deep.equal({ via: 'fail', res: { err_msg: 'openEnterpriseChat:fail userIds is empty' } });
      }
    });
  });

  describe('previewImage', () => {
    it('succeeds when urls has entries', async () => {
      const host = createSimulatedHost();
      const answer = await call(host, 'previewImage', { urls: ['https://example.com/a.png'], current: '' });
      expect(answer).to.deep.equal({ via: 'success', res: { err_msg: 'previewImage:ok' } });
    });

    it('fails through fail() when urls is empty or not an array', async () => {
      const host = createSimulatedHost();
      for (const params of [{ urls: [] }, {}, { urls: 'https://example.com/a.png' }]) {
        const answer = await call(host, 'previewImage', params);
        expect(answer).to.deep.equal({ via: 'fail', res: { err_msg: 'previewImage:fail urls is empty' } });
      }
    });
  });

  describe('other invokes', () => {
    it('does not serve method APIs or unknown APIs through invoke', async () => {
      const host = createSimulatedHost();
      const res = await invoke(host, 'getCurChatInfo' as InvokeApi);
      expect(res).to.deep.equal({ err_msg: 'getCurChatInfo:fail' });
      expect(await invoke(host, 'nope' as InvokeApi)).to.deep.equal({ err_msg: 'nope:fail' });
      expect(host.callCount()).to.equal(2);
    });

    it('fails updateBaseInfo without reqType listen, and arms nothing', async () => {
      const host = createSimulatedHost();
      expect(await invoke(host, 'updateBaseInfo', {})).to.deep.equal({ err_msg: 'updateBaseInfo:fail' });
      expect(host.listenerCount).to.equal(0);
    });
  });

  describe('asynchrony and latency', () => {
    it('never answers synchronously, even with latency 0', async () => {
      const host = createSimulatedHost();
      let answered = false;
      const done = new Promise<void>((resolve) =>
        host.invoke('sendMultiChatMessage', {}, () => {
          answered = true;
          resolve();
        }),
      );
      host.getCurChatInfo({ success: () => (answered = true) });
      expect(answered).to.equal(false);
      await done;
      expect(answered).to.equal(true);
    });

    it('waits at least latency ms before answering, for invokes and methods', async () => {
      const host = createSimulatedHost({ latency: 60 });
      let start = performance.now();
      await invoke(host, 'getCurExternalContact');
      expect(performance.now() - start).to.be.at.least(50);
      start = performance.now();
      await call(host, 'previewImage', { urls: [] });
      expect(performance.now() - start).to.be.at.least(50);
    });

    it('setLatency changes the delay of later answers', async () => {
      const host = createSimulatedHost();
      host.setLatency(60);
      const start = performance.now();
      await call(host, 'getCurChatInfo');
      expect(performance.now() - start).to.be.at.least(50);
    });

    it('delays the updateBaseInfo call-back by latency after the switch', async () => {
      const host = createSimulatedHost({ latency: 60 });
      const { callback, promise } = collector(1);
      listen(host, callback);
      const start = performance.now();
      host.switchChat(1);
      await promise;
      expect(performance.now() - start).to.be.at.least(50);
    });
  });

  describe('updateBaseInfo listen, switchChat and updateChat', () => {
    it('does not answer a listen until the chat switches', async () => {
      const host = createSimulatedHost();
      const listener = collector(1);
      listen(host, listener.callback);
      expect(host.listenerCount).to.equal(1);
      await invoke(host, 'sendMultiChatMessage'); // any answer queued before it has run by now
      expect(listener.seen).to.deep.equal([]);
      host.switchChat('chat-kefu-group');
      expect(await listener.promise).to.deep.equal([{ err_msg: 'updateBaseInfo:ok' }]);
    });

    it('fires every armed listener once on switchChat, then disarms them', async () => {
      const host = createSimulatedHost();
      const a = collector(1);
      const b = collector(1);
      listen(host, a.callback);
      listen(host, b.callback);
      expect(host.listenerCount).to.equal(2);
      host.switchChat(2);
      expect(host.listenerCount).to.equal(0);
      expect(host.currentChat.Id).to.equal(defaultChats[2]?.Id);
      await Promise.all([a.promise, b.promise]);
      host.switchChat(0);
      await invoke(host, 'sendMultiChatMessage');
      expect(a.seen).to.have.length(1);
      expect(b.seen).to.have.length(1);
    });

    it('fires a listener registered again after its call-back on the next switch', async () => {
      const host = createSimulatedHost();
      const seen: string[] = [];
      let rearmed!: () => void;
      const first = new Promise<void>((resolve) => (rearmed = resolve));
      const second = new Promise<void>((resolve) => {
        const rearm = (res: HostResponse) => {
          seen.push(res.err_msg as string);
          if (seen.length === 2) return resolve();
          listen(host, rearm);
          rearmed();
        };
        listen(host, rearm);
      });
      host.switchChat(1);
      await first;
      expect(host.listenerCount).to.equal(1);
      host.switchChat(0);
      await second;
      expect(seen).to.deep.equal(['updateBaseInfo:ok', 'updateBaseInfo:ok']);
    });

    it('switchChat accepts an index, Id or id and refuses an unknown chat without firing', async () => {
      const host = createSimulatedHost({ chats: [chat(), chat({ Id: undefined, id: 'c2', name: 'Two' })] });
      host.switchChat('c2');
      expect(host.currentChat.name).to.equal('Two');
      host.switchChat('c1');
      expect(host.currentChat.name).to.equal('One');
      host.switchChat(1);
      expect(host.currentChat.name).to.equal('Two');
      listen(host, () => undefined);
      expect(() => host.switchChat(5)).to.throw(RangeError);
      expect(() => host.switchChat('zzz')).to.throw(RangeError);
      expect(host.listenerCount).to.equal(1);
    });

    it('updateChat edits the current chat and fires the listeners', async () => {
      const host = createSimulatedHost();
      const listener = collector(1);
      listen(host, listener.callback);
      host.updateChat({ botStatus: 1 });
      expect(host.listenerCount).to.equal(0);
      expect(await listener.promise).to.deep.equal([{ err_msg: 'updateBaseInfo:ok' }]);
      expect(host.currentChat.botStatus).to.equal(1);
      expect(host.chats[0]?.botStatus).to.equal(1);
      const answer = await call(host, 'getCurChatInfo');
      expect(answer.res).to.include({ botStatus: 1, Id: 'chat-zhangsan' });
    });

    it('setChats replaces the chats and selects one without firing listeners', async () => {
      const host = createSimulatedHost();
      const listener = collector(1);
      listen(host, listener.callback);
      host.setChats([chat(), chat({ Id: 'c2', name: 'Two', type: 1, wxChatId: 'wr-two' })], 'c2');
      expect(host.chats).to.have.length(2);
      expect(host.currentChat.name).to.equal('Two');
      expect(await invoke(host, 'getCurExternalChat')).to.deep.equal({ chatId: 'wr-two', err_msg: 'getCurExternalChat:ok' });
      expect(listener.seen).to.deep.equal([]);
      expect(host.listenerCount).to.equal(1);
      host.setChats([chat()]);
      expect(host.currentChat.Id).to.equal('c1');
      expect(() => host.setChats([])).to.throw(RangeError);
    });
  });

  describe('staleReadsAfterSwitch', () => {
    it('answers the previous chat for that many reads after a switch, then the new one', async () => {
      const host = createSimulatedHost({ chat: 'chat-kefu-group', staleReadsAfterSwitch: 2 });
      host.switchChat('chat-zhangsan');
      expect(host.currentChat.Id).to.equal('chat-zhangsan');
      expect(await invoke(host, 'getCurExternalChat')).to.deep.equal({
        chatId: 'wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA',
        err_msg: 'getCurExternalChat:ok',
      });
      expect((await call(host, 'getCurChatInfo')).res).to.include({ Id: 'chat-kefu-group' });
      expect((await call(host, 'getCurChatInfo')).res).to.include({ Id: 'chat-zhangsan' });
      expect(await invoke(host, 'getCurExternalChat')).to.deep.equal({
        chatId: undefined,
        err_msg: 'getCurExternalChat:fail',
      });
    });

    it('counts getCurExternalContact reads too, and only chat reads', async () => {
      const host = createSimulatedHost({ chat: 'chat-kefu-group', staleReadsAfterSwitch: 1 });
      host.switchChat('chat-zhangsan');
      await invoke(host, 'sendMultiChatMessage');
      expect((await invoke(host, 'getCurExternalContact')).err_msg).to.equal('getCurExternalContact:fail');
      expect((await invoke(host, 'getCurExternalContact')).err_msg).to.equal('getCurExternalContact:ok');
    });

    it('is off by default', async () => {
      const host = createSimulatedHost();
      host.switchChat('chat-eve');
      expect((await call(host, 'getCurChatInfo')).res).to.include({ Id: 'chat-eve' });
    });
  });

  describe('faults', () => {
    it('fail: invoke call-back and method fail() get the default words', async () => {
      const host = createSimulatedHost({ faults: { getCurExternalContact: { kind: 'fail' } } });
      host.setFault('getCurChatInfo', { kind: 'fail' });
      expect(await invoke(host, 'getCurExternalContact')).to.deep.equal({ err_msg: 'getCurExternalContact:fail' });
      expect(await call(host, 'getCurChatInfo')).to.deep.equal({ via: 'fail', res: { err_msg: 'getCurChatInfo:fail' } });
    });

    it('fail: with errMsg, the words are exactly those', async () => {
      const host = createSimulatedHost();
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'sendChatMessage:fail no permission' });
      host.setFault('openEnterpriseChat', { kind: 'fail', errMsg: 'nope' });
      expect(await invoke(host, 'sendChatMessage', { msgtype: 'text', text: { content: 'x' } })).to.deep.equal({
        err_msg: 'sendChatMessage:fail no permission',
      });
      expect(host.sent).to.deep.equal([]);
      expect(await call(host, 'openEnterpriseChat', { userIds: 'a' })).to.deep.equal({
        via: 'fail',
        res: { err_msg: 'nope' },
      });
    });

    it('fail on updateBaseInfo answers the listen at once and arms nothing', async () => {
      const host = createSimulatedHost({ faults: { updateBaseInfo: { kind: 'fail' } } });
      const listener = collector(1);
      listen(host, listener.callback);
      expect(host.listenerCount).to.equal(0);
      expect(await listener.promise).to.deep.equal([{ err_msg: 'updateBaseInfo:fail' }]);
    });

    it('never: the call is logged but no call-back ever comes', async () => {
      const host = createSimulatedHost();
      host.setFault('getCurChatInfo', { kind: 'never' });
      host.setFault('sidebarAuth', { kind: 'never' });
      host.setFault('updateBaseInfo', { kind: 'never' });
      const seen: unknown[] = [];
      host.getCurChatInfo({ success: (r) => seen.push(r), fail: (r) => seen.push(r) });
      host.invoke('sidebarAuth', {}, (r) => seen.push(r));
      listen(host, (r) => seen.push(r));
      host.switchChat(1);
      // Answers come in call order, so had they been answered they would be here by now.
      await invoke(host, 'sendMultiChatMessage');
      await nextTask();
      expect(seen).to.deep.equal([]);
      expect(host.listenerCount).to.equal(0);
      expect(host.calls.map((c) => c.api)).to.deep.equal([
        'getCurChatInfo',
        'sidebarAuth',
        'updateBaseInfo',
        'sendMultiChatMessage',
      ]);
    });

    it('malformed: answers ok with the default wrong shape per API', async () => {
      const host = createSimulatedHost();
      const apis: HostApi[] = [
        'getCurChatInfo',
        'getCurExternalContact',
        'getCurExternalChat',
        'sidebarAuth',
        'sendChatMessage',
        'openEnterpriseChat',
        'previewImage',
      ];
      for (const api of apis) host.setFault(api, { kind: 'malformed' });
      expect(await call(host, 'getCurChatInfo')).to.deep.equal({
        via: 'success',
        res: { Id: 42, name: null, err_msg: 'getCurChatInfo:ok' },
      });
      expect(await invoke(host, 'getCurExternalContact')).to.deep.equal({
        err_msg: 'getCurExternalContact:ok',
        userId: 123,
      });
      expect(await invoke(host, 'getCurExternalChat')).to.deep.equal({ err_msg: 'getCurExternalChat:ok', chatId: 123 });
      expect(await invoke(host, 'sidebarAuth')).to.deep.equal({
        err_msg: 'sidebarAuth:ok',
        data: { baseInfo: { code: 123 } },
      });
      // Answers that carry nothing but err_msg come back as a bare string.
      expect(await invoke(host, 'sendChatMessage', { msgtype: 'text', text: { content: 'x' } })).to.equal(
        'sendChatMessage:ok',
      );
      expect(await call(host, 'openEnterpriseChat', { userIds: 'a' })).to.deep.equal({
        via: 'success',
        res: 'openEnterpriseChat:ok',
      });
      expect(await call(host, 'previewImage', { urls: [] })).to.deep.equal({
        via: 'success',
        res: 'previewImage:ok',
      });
    });

    it('malformed: response is passed to the success call-back verbatim', async () => {
      const response = { err_msg: 'getCurChatInfo:ok', Id: 'x', name: 7 };
      const host = createSimulatedHost({ faults: { getCurChatInfo: { kind: 'malformed', response } } });
      const answer = await call(host, 'getCurChatInfo');
      expect(answer.via).to.equal('success');
      expect(answer.res).to.equal(response);
      host.setFault('getCurExternalChat', { kind: 'malformed', response: null });
      expect(await invoke(host, 'getCurExternalChat')).to.equal(null);
    });

    it('malformed on updateBaseInfo: the listen waits for the switch, then answers the wrong shape', async () => {
      const host = createSimulatedHost({ faults: { updateBaseInfo: { kind: 'malformed', response: 42 } } });
      const listener = collector(1);
      listen(host, listener.callback);
      expect(host.listenerCount).to.equal(1);
      host.switchChat(1);
      expect(await listener.promise).to.deep.equal([42]);
    });

    it('twice: answers correctly, then fails on the next tick (invoke)', async () => {
      const host = createSimulatedHost({ faults: { getCurExternalContact: { kind: 'twice' } } });
      const both = collector<HostResponse>(2);
      host.invoke('getCurExternalContact', {}, both.callback);
      expect(await both.promise).to.deep.equal([
        { userId: 'wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA', err_msg: 'getCurExternalContact:ok' },
        { err_msg: 'getCurExternalContact:fail' },
      ]);
    });

    it('twice: success() then fail() (methods), with the normal side effects once', async () => {
      const host = createSimulatedHost({ faults: { previewImage: { kind: 'twice' }, sendChatMessage: { kind: 'twice' } } });
      const both = collector<Answer>(2);
      host.previewImage({
        urls: ['https://example.com/a.png'],
        success: (res) => both.callback({ via: 'success', res }),
        fail: (res) => both.callback({ via: 'fail', res }),
      });
      expect(await both.promise).to.deep.equal([
        { via: 'success', res: { err_msg: 'previewImage:ok' } },
        { via: 'fail', res: { err_msg: 'previewImage:fail' } },
      ]);
      const sends = collector<HostResponse>(2);
      host.invoke('sendChatMessage', { msgtype: 'text', text: { content: 'hi' } }, sends.callback);
      expect((await sends.promise).map((r) => r.err_msg)).to.deep.equal(['sendChatMessage:ok', 'sendChatMessage:fail']);
      expect(host.sent).to.have.length(1);
    });

    it('twice on updateBaseInfo: fires ok on the switch, then a failure', async () => {
      const host = createSimulatedHost({ faults: { updateBaseInfo: { kind: 'twice' } } });
      const both = collector<HostResponse>(2);
      listen(host, both.callback);
      host.switchChat(1);
      expect(await both.promise).to.deep.equal([{ err_msg: 'updateBaseInfo:ok' }, { err_msg: 'updateBaseInfo:fail' }]);
    });

    it('throw: the call throws synchronously, is still logged, and never calls back', async () => {
      const host = createSimulatedHost();
      host.setFault('sidebarAuth', { kind: 'throw', message: 'boom' });
      host.setFault('getCurChatInfo', { kind: 'throw' });
      const seen: unknown[] = [];
      expect(() => host.invoke('sidebarAuth', {}, (r) => seen.push(r))).to.throw(Error, 'boom');
      expect(() => host.getCurChatInfo({ success: (r) => seen.push(r), fail: (r) => seen.push(r) })).to.throw(
        Error,
        'getCurChatInfo',
      );
      await invoke(host, 'sendMultiChatMessage');
      await nextTask();
      expect(seen).to.deep.equal([]);
      expect(host.callCount('sidebarAuth')).to.equal(1);
      expect(host.callCount('getCurChatInfo')).to.equal(1);
    });

    it('sync: answers inside the call, for invokes, methods and the listen', () => {
      const host = createSimulatedHost();
      for (const api of ['getCurExternalContact', 'getCurChatInfo', 'updateBaseInfo'] as const) {
        host.setFault(api, { kind: 'sync' });
      }
      const seen: unknown[] = [];
      host.invoke('getCurExternalContact', {}, (res) => seen.push(res));
      host.getCurChatInfo({ success: (res) => seen.push(res) });
      listen(host, (res) => seen.push(res));
      expect(seen).to.deep.equal([
        { userId: defaultChats[0]!.wxUserId, err_msg: 'getCurExternalContact:ok' },
        { ...defaultChats[0], err_msg: 'getCurChatInfo:ok' },
        { err_msg: 'updateBaseInfo:ok' },
      ]);
      expect(host.listenerCount).to.equal(0);
    });

    it('ack: answers the updateBaseInfo listen ok at once, without a switch, and arms nothing', async () => {
      const host = createSimulatedHost({ faults: { updateBaseInfo: { kind: 'ack' } } });
      const listener = collector(1);
      listen(host, listener.callback);
      expect(listener.seen).to.deep.equal([]); // asynchronously, like every answer
      expect(await listener.promise).to.deep.equal([{ err_msg: 'updateBaseInfo:ok' }]);
      expect(host.listenerCount).to.equal(0);
      expect(host.currentChat.Id).to.equal(defaultChats[0]!.Id);
    });

    it('ack on another API answers it normally', async () => {
      const host = createSimulatedHost({ faults: { getCurChatInfo: { kind: 'ack' } } });
      expect((await call(host, 'getCurChatInfo')).res).to.include({ Id: defaultChats[0]!.Id });
    });

    it('stale: the next count reads of that API after each switch answer the previous chat', async () => {
      const host = createSimulatedHost({ faults: { getCurChatInfo: { kind: 'stale', count: 2 } } });
      expect((await call(host, 'getCurChatInfo')).res).to.include({ Id: 'chat-zhangsan' });
      host.switchChat('chat-eve');
      expect((await invoke(host, 'getCurExternalContact')).userId).to.equal(defaultChats[7]!.wxUserId); // other APIs are current
      for (const id of ['chat-zhangsan', 'chat-zhangsan', 'chat-eve', 'chat-eve']) {
        expect((await call(host, 'getCurChatInfo')).res).to.include({ Id: id });
      }
      host.switchChat('chat-wangwu');
      for (const id of ['chat-eve', 'chat-eve', 'chat-wangwu']) {
        expect((await call(host, 'getCurChatInfo')).res).to.include({ Id: id });
      }
      expect(() => host.setFault('getCurChatInfo', { kind: 'stale', count: -1 })).to.throw(RangeError);
    });

    it('errMsg: answers carry errMsg instead of err_msg; fail gives failure words', async () => {
      const host = createSimulatedHost({ faults: { getCurExternalContact: { kind: 'errMsg' } } });
      host.setFault('openEnterpriseChat', { kind: 'errMsg', fail: 'openEnterpriseChat:fail no such user' });
      host.setFault('getCurChatInfo', { kind: 'errMsg' });
      expect(await invoke(host, 'getCurExternalContact')).to.deep.equal({
        userId: defaultChats[0]!.wxUserId,
        errMsg: 'getCurExternalContact:ok',
      });
      expect(await call(host, 'openEnterpriseChat', { userIds: 'a' })).to.deep.equal({
        via: 'fail',
        res: { errMsg: 'openEnterpriseChat:fail no such user' },
      });
      const chatAnswer = (await call(host, 'getCurChatInfo')).res as Record<string, unknown>;
      expect(chatAnswer).to.include({ errMsg: 'getCurChatInfo:ok', Id: defaultChats[0]!.Id });
      expect(chatAnswer).not.to.have.property('err_msg');
    });

    it('setFault(api, undefined) restores the normal behaviour', async () => {
      const host = createSimulatedHost({ faults: { getCurChatInfo: { kind: 'fail' } } });
      expect((await call(host, 'getCurChatInfo')).via).to.equal('fail');
      host.setFault('getCurChatInfo', undefined);
      expect((await call(host, 'getCurChatInfo')).via).to.equal('success');
    });

    it('a fault on one API leaves the others alone', async () => {
      const host = createSimulatedHost({ faults: { getCurExternalChat: { kind: 'fail' } } });
      expect((await invoke(host, 'getCurExternalContact')).err_msg).to.equal('getCurExternalContact:ok');
    });
  });

  describe('call log', () => {
    it('records every call in order with deep-copied params, without success/fail', async () => {
      const host = createSimulatedHost();
      const message = { msgtype: 'text', text: { content: 'a' } };
      const before = performance.now();
      const sending = invoke(host, 'sendChatMessage', message);
      message.text.content = 'mutated';
      await Promise.all([
        sending,
        call(host, 'openEnterpriseChat', { userIds: 'zhangsan', chatId: 'c' }),
        call(host, 'previewImage', { urls: ['https://example.com/a.png'] }),
      ]);
      listen(host, () => undefined);
      const calls = host.calls;
      expect(calls.map((c) => c.api)).to.deep.equal([
        'sendChatMessage',
        'openEnterpriseChat',
        'previewImage',
        'updateBaseInfo',
      ]);
      expect(calls.map((c) => c.params)).to.deep.equal([
        { msgtype: 'text', text: { content: 'a' } },
        { userIds: 'zhangsan', chatId: 'c' },
        { urls: ['https://example.com/a.png'] },
        { reqType: 'listen' },
      ]);
      for (const c of calls) {
        expect(c.at).to.be.a('number').and.at.least(before);
        expect(c.at).to.be.at.most(performance.now());
      }
      expect(calls[1]?.at).to.be.at.least(calls[0]?.at ?? Infinity);
    });

    it('logs params it cannot structured-clone as a shallow copy', async () => {
      const host = createSimulatedHost();
      const odd = () => 'not cloneable';
      await invoke(host, 'sendMultiChatMessage', { odd, n: 1 });
      expect(host.calls[0]?.params).to.deep.equal({ odd, n: 1 });
    });

    it('callCount counts all calls or one API; clearCalls empties the log', async () => {
      const host = createSimulatedHost();
      await invoke(host, 'getCurExternalContact');
      await invoke(host, 'getCurExternalContact');
      await call(host, 'getCurChatInfo');
      expect(host.callCount()).to.equal(3);
      expect(host.callCount('getCurExternalContact')).to.equal(2);
      expect(host.callCount('sidebarAuth')).to.equal(0);
      host.clearCalls();
      expect(host.callCount()).to.equal(0);
      expect(host.calls).to.deep.equal([]);
      await call(host, 'getCurChatInfo');
      expect(host.callCount('getCurChatInfo')).to.equal(1);
    });

    it('the log handed out is a snapshot', async () => {
      const host = createSimulatedHost();
      const snapshot = host.calls;
      await invoke(host, 'sidebarAuth');
      expect(snapshot).to.have.length(0);
      expect(host.calls).to.have.length(1);
    });

    it('onCall reports each call synchronously, before it is answered, until unsubscribed', async () => {
      const host = createSimulatedHost();
      const events: string[] = [];
      const off = host.onCall((c) => events.push(`call ${c.api} ${JSON.stringify(c.params)}`));
      const answered = invoke(host, 'getCurExternalChat').then(() => events.push('answered'));
      expect(events).to.deep.equal(['call getCurExternalChat {}']);
      await answered;
      expect(events).to.deep.equal(['call getCurExternalChat {}', 'answered']);
      off();
      await call(host, 'getCurChatInfo');
      expect(events).to.have.length(2);
    });
  });

  describe('guarded call-backs', () => {
    let consoleError: sinon.SinonStub;
    beforeEach(() => {
      consoleError = sinon.stub(console, 'error');
    });
    afterEach(() => {
      consoleError.restore();
    });

    it('a call-back or onCall listener that throws is reported and does not break the host', async () => {
      const host = createSimulatedHost();
      host.onCall(() => {
        throw new Error('listener bug');
      });
      const thrown = new Promise<void>((resolve) =>
        host.invoke('getCurExternalContact', {}, () => {
          resolve();
          throw new Error('page bug');
        }),
      );
      await thrown;
      expect((await call(host, 'getCurChatInfo')).via).to.equal('success');
      const errors = consoleError.getCalls().map((c) => c.args.find((a) => a instanceof Error)?.message);
      expect(errors).to.include('listener bug');
      expect(errors).to.include('page bug');
    });

    it('a throwing updateBaseInfo listener does not stop the others from firing', async () => {
      const host = createSimulatedHost();
      listen(host, () => {
        throw new Error('first listener bug');
      });
      const second = collector(1);
      listen(host, second.callback);
      host.switchChat(1);
      expect(await second.promise).to.deep.equal([{ err_msg: 'updateBaseInfo:ok' }]);
    });

    it('a method called without call-backs is answered into the void without errors', async () => {
      const host = createSimulatedHost();
      host.getCurChatInfo({});
      host.previewImage({ urls: [] });
      await invoke(host, 'sendMultiChatMessage');
      await nextTask();
      expect(consoleError.called).to.equal(false);
      expect(host.callCount()).to.equal(3);
    });
  });

  describe('installSimulatedHost', () => {
    const g = globalThis as { juziWx?: unknown; wx?: unknown };
    afterEach(() => {
      delete g.juziWx;
    });

    it('puts the host on globalThis.juziWx (not wx) and uninstall removes it', async () => {
      const wxBefore = g.wx;
      const host = installSimulatedHost({ chat: 'chat-kefu-group' });
      expect(g.juziWx).to.equal(host);
      expect(g.wx).to.equal(wxBefore);
      expect(await invoke(g.juziWx as JuziHost, 'getCurExternalChat')).to.include({ err_msg: 'getCurExternalChat:ok' });
      host.uninstall();
      expect('juziWx' in globalThis).to.equal(false);
    });

    it('uninstall leaves alone a juziWx that is no longer this host', () => {
      const first = installSimulatedHost();
      const second = installSimulatedHost();
      first.uninstall();
      expect(g.juziWx).to.equal(second);
      second.uninstall();
      expect(g.juziWx).to.equal(undefined);
    });

    it('createSimulatedHost installs nothing', () => {
      const host = createSimulatedHost();
      expect(g.juziWx).to.equal(undefined);
      host.uninstall();
      expect(g.juziWx).to.equal(undefined);
    });
  });
});
