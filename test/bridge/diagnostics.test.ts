import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { createBridge, type CallRecord } from '../../src/bridge/index.js';
import { hostGlobals } from '../../src/bridge/diagnostics.js';
import { createSimulatedHost, type SimulatedHost } from '../../src/dev/index.js';
import { clearPageHosts, page, manualHost, rejection, tick } from '../helpers.js';


describe('bridge diagnostics', () => {
  let host: SimulatedHost;

  beforeEach(() => {
    host = createSimulatedHost();
  });
  afterEach(() => {
    clearPageHosts();
    sinon.restore();
  });

  describe('host detection', () => {
    it('no host: not found, via null', async () => {
      const bridge = createBridge({ readyTimeout: 20 });
      expect(bridge.diagnostics().host).to.deep.equal({ found: false, via: null, isJuziWx: false });
      await rejection(bridge.ready());
      expect(bridge.diagnostics().host).to.deep.equal({ found: false, via: null, isJuziWx: false });
    });

    it('window.juziWx: via juziWx', async () => {
      page.juziWx = { ...host, isJuziWx: undefined };
      const bridge = createBridge();
      expect(bridge.diagnostics().host).to.deep.equal({ found: true, via: 'juziWx', isJuziWx: false });
      await bridge.ready();
      expect(bridge.diagnostics().host.via).to.equal('juziWx');
    });

    it('a wx patched by juzi-helper: via wx, isJuziWx', async () => {
      page.wx = host;
      page.juziWx = createSimulatedHost();
      const bridge = createBridge();
      await bridge.ready();
      expect(bridge.diagnostics().host).to.deep.equal({ found: true, via: 'wx', isJuziWx: true });
    });

    it('an unpatched wx (plain JS-SDK) is not the host', () => {
      page.wx = { invoke() {}, config() {} };
      expect(createBridge().diagnostics().host.found).to.equal(false);
    });

    it('the host option: via option', () => {
      expect(createBridge({ host }).diagnostics().host).to.deep.equal({ found: true, via: 'option', isJuziWx: true });
    });

    it('looking makes no host call', () => {
      createBridge({ host }).diagnostics();
      expect(host.callCount()).to.equal(0);
    });
  });

  describe('calls', () => {
    it('records an ok call with its params, answer and duration', async () => {
      const bridge = createBridge({ host });
      const before = Date.now();
      await bridge.sendChatMessage({ msgtype: 'text', text: { content: '你好' } });
      const { calls } = bridge.diagnostics();
      expect(calls).to.have.length(1);
      const [call] = calls;
      expect(call).to.include({ id: 1, api: 'sendChatMessage', outcome: 'ok' });
      expect(call!.params).to.deep.equal({ msgtype: 'text', text: { content: '你好' } });
      expect(call!.answer).to.deep.equal({ err_msg: 'sendChatMessage:ok' });
      expect(call!.startedAt).to.be.within(before, Date.now());
      expect(call!.ms).to.be.a('number').and.within(0, Date.now() - before);
      expect(call!.late).to.equal(undefined);
    });

    it('records a failed call with its code and the host words', async () => {
      host.setFault('sendChatMessage', { kind: 'fail', errMsg: 'text content is empty' });
      const bridge = createBridge({ host });
      await rejection(bridge.sendChatMessage({ msgtype: 'text', text: { content: 'x' } }));
      expect(bridge.diagnostics().calls[0]).to.include({ outcome: 'host-fail', errMsg: 'text content is empty' });
    });

    it('records a timed-out call as timeout', async () => {
      host.setFault('getCurChatInfo', { kind: 'never' });
      const bridge = createBridge({ host, timeout: 30 });
      await rejection(bridge.getCurChatInfo());
      const [call] = bridge.diagnostics().calls;
      expect(call).to.include({ api: 'getCurChatInfo', outcome: 'timeout' });
      expect(call!.message).to.contain('30 ms');
    });

    it('records a malformed answer as invalid-response, with the answer', async () => {
      host.setFault('getCurChatInfo', { kind: 'malformed', response: { name: 5 } });
      const bridge = createBridge({ host });
      await rejection(bridge.getCurChatInfo());
      const [call] = bridge.diagnostics().calls;
      expect(call!.outcome).to.equal('invalid-response');
      expect(call!.answer).to.include({ name: 5 });
    });

    it('records no host as unavailable', async () => {
      const bridge = createBridge({ readyTimeout: 20 });
      await rejection(bridge.getCurExternalContact());
      expect(bridge.diagnostics().calls[0]).to.include({ api: 'getCurExternalContact', outcome: 'unavailable' });
    });

    it('marks an answer that came after the timeout as late, and keeps the outcome', async () => {
      const { host: manual, pending } = manualHost();
      const bridge = createBridge({ host: manual, timeout: 20 });
      const listener = sinon.spy();
      bridge.onCall(listener);
      await rejection(bridge.getCurExternalContact());
      expect(bridge.diagnostics().calls[0]!.late).to.equal(undefined);
      pending[0]!.answer({ err_msg: 'getCurExternalContact:ok', userId: 'wm1' });
      const [call] = bridge.diagnostics().calls;
      expect(call).to.include({ outcome: 'timeout', late: true });
      expect(call!.lateMs).to.be.within(20, Date.now() - call!.startedAt);
      expect(call!.answer).to.deep.equal({ err_msg: 'getCurExternalContact:ok', userId: 'wm1' });
      expect((listener.lastCall.args[0] as CallRecord).late).to.equal(true);
    });

    it('an answer before the timeout is not late, a second answer neither', async () => {
      const { host: manual, pending } = manualHost();
      const bridge = createBridge({ host: manual, timeout: 50 });
      const call = bridge.getCurExternalContact();
      await waitUntil(() => pending.length === 1);
      pending[0]!.answer({ err_msg: 'getCurExternalContact:ok', userId: 'wm1' });
      await call;
      await tick(80);
      pending[0]!.answer({ err_msg: 'getCurExternalContact:ok', userId: 'wm2' });
      const [record] = bridge.diagnostics().calls;
      expect(record!.outcome).to.equal('ok');
      expect(record!.late).to.equal(undefined);
    });

    it('keeps the last 100 calls, oldest first', async () => {
      const bridge = createBridge({ host });
      for (let i = 0; i < 130; i++) await bridge.getCurExternalContact();
      const { calls } = bridge.diagnostics();
      expect(calls).to.have.length(100);
      expect(calls.map((c) => c.id)).to.deep.equal(Array.from({ length: 100 }, (_, i) => i + 31));
    });

    it('gives copies: changing them changes nothing', async () => {
      const bridge = createBridge({ host });
      await bridge.getCurExternalContact();
      (bridge.diagnostics().calls[0] as { outcome: string }).outcome = 'timeout';
      expect(bridge.diagnostics().calls[0]!.outcome).to.equal('ok');
    });
  });

  describe('onCall', () => {
    it('hears a call start and settle, until unsubscribed', async () => {
      const bridge = createBridge({ host });
      const heard: string[] = [];
      const off = bridge.onCall((call) => heard.push(`${call.id} ${call.api} ${call.outcome}`));
      await bridge.getCurChatInfo();
      off();
      await bridge.getCurChatInfo();
      expect(heard).to.deep.equal(['1 getCurChatInfo pending', '1 getCurChatInfo ok']);
    });

    it('a throwing listener breaks neither the call nor other listeners', async () => {
      sinon.stub(console, 'error');
      const bridge = createBridge({ host });
      const other = sinon.spy();
      bridge.onCall(() => {
        throw new Error('broken listener');
      });
      bridge.onCall(other);
      expect(await bridge.getCurExternalContact()).to.deep.equal({ userId: host.currentChat.wxUserId });
      expect(other.callCount).to.equal(2);
      expect((console.error as sinon.SinonStub).callCount, 'the broken listener is reported').to.equal(2);
    });
  });

  describe('hostGlobals (what the devtools show of the page)', () => {
    const globals = page as Record<string, unknown>;
    afterEach(() => {
      for (const key of ['jWeixin', 'ww']) delete globals[key];
    });

    it('reads each global, calling nothing', () => {
      expect(hostGlobals()).to.deep.equal({ wx: false, wxPatched: false, juziWx: false, jssdk: false });
      page.wx = { config: () => {} }; // jweixin's wx, not patched
      expect(hostGlobals()).to.deep.equal({ wx: true, wxPatched: false, juziWx: false, jssdk: true });
      page.wx = { isJuziWx: true };
      expect(hostGlobals()).to.deep.equal({ wx: true, wxPatched: true, juziWx: false, jssdk: false });
      page.wx = null;
      page.juziWx = {};
      expect(hostGlobals()).to.deep.equal({ wx: false, wxPatched: false, juziWx: true, jssdk: false });
      page.juziWx = null;
      expect(hostGlobals().juziWx).to.equal(false);
      globals['jWeixin'] = {};
      expect(hostGlobals().jssdk).to.equal(true);
      delete globals['jWeixin'];
      globals['ww'] = {};
      expect(hostGlobals().jssdk).to.equal(true);
      delete globals['ww'];
      page.wx = 'wx';
      expect(hostGlobals()).to.deep.equal({ wx: false, wxPatched: false, juziWx: false, jssdk: false });
    });

    it('a global whose getter throws reads as nothing there', () => {
      Object.defineProperty(globalThis, 'wx', { configurable: true, get: () => { throw new Error('hostile'); } });
      try {
        expect(hostGlobals()).to.deep.equal({ wx: false, wxPatched: false, juziWx: false, jssdk: false });
      } finally {
        delete page.wx;
      }
    });
  });

  describe('listen', () => {
    it('is armed while someone subscribes, and counts chat switches', async () => {
      const bridge = createBridge({ host });
      expect(bridge.diagnostics().listen).to.deep.equal({ armed: false, fired: 0 });
      const off = bridge.subscribe(() => {});
      await waitUntil(() => bridge.diagnostics().listen.armed, 'the listen was never armed');
      host.switchChat(1);
      await waitUntil(() => bridge.diagnostics().listen.fired === 1);
      await waitUntil(() => bridge.diagnostics().listen.armed, 'the listen was not armed again');
      off();
    });

    it('is not armed when the host refuses it', async () => {
      host.setFault('updateBaseInfo', { kind: 'throw' });
      const bridge = createBridge({ host });
      const off = bridge.subscribe(() => {});
      await bridge.ready();
      await tick(10);
      expect(bridge.diagnostics().listen.armed).to.equal(false);
      off();
    });
  });

  it('holds the context', async () => {
    const bridge = createBridge({ host });
    await bridge.refresh();
    expect(bridge.diagnostics().context).to.equal(bridge.context);
  });
});
