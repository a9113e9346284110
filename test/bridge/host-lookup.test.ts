import { expect } from '@open-wc/testing';
import { createBridge, findPageHost, type JuziHost } from '../../src/bridge/index.js';
import { createSimulatedHost } from '../../src/dev/index.js';
import { clearPageHosts, page, rejection, tick } from '../helpers.js';


describe('bridge host lookup', () => {
  afterEach(() => {
    clearPageHosts();
  });

  describe('in a frame of the page juzi-helper patched (wujie)', () => {
    // `window.parent` is replaceable: a test may stand in for the window above.
    const frame = globalThis as unknown as { parent: unknown };
    afterEach(() => {
      delete (frame as { parent?: unknown }).parent;
    });

    it("takes the parent window's host when this window has none", () => {
      const above = createSimulatedHost();
      frame.parent = { juziWx: above };
      expect(findPageHost()).to.equal(above);
    });

    it("prefers this window's own host to the parent's", () => {
      const own = createSimulatedHost();
      page.juziWx = own;
      frame.parent = { juziWx: createSimulatedHost() };
      expect(findPageHost()).to.equal(own);
    });

    it('finds nothing, without throwing, under a cross-origin parent', () => {
      frame.parent = {
        get wx() {
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
        },
      };
      expect(findPageHost()).to.equal(undefined);
    });
  });

  it('prefers wx once juzi-helper has patched it', async () => {
    const patched = createSimulatedHost();
    const other = createSimulatedHost();
    page.wx = patched;
    page.juziWx = other;
    expect(findPageHost()).to.equal(patched);
    await createBridge().getCurChatInfo();
    expect(patched.callCount('getCurChatInfo')).to.equal(1);
    expect(other.callCount()).to.equal(0);
  });

  it('uses window.juziWx when wx is the plain JS-SDK', async () => {
    const helper = createSimulatedHost();
    page.wx = { invoke() {}, isJuziWx: false };
    page.juziWx = helper;
    await createBridge().getCurExternalContact();
    expect(helper.callCount('getCurExternalContact')).to.equal(1);
  });

  it('uses window.juziWx when there is no wx at all', async () => {
    const helper = createSimulatedHost();
    page.juziWx = helper;
    await createBridge().ready();
    await createBridge().getCurChatInfo();
    expect(helper.callCount('getCurChatInfo')).to.equal(1);
  });

  it('is unavailable when no host appears within readyTimeout, and says what to do', async () => {
    const bridge = createBridge({ readyTimeout: 60 });
    const error = await rejection(bridge.getCurChatInfo());
    expect(error).to.include({ code: 'unavailable', api: 'getCurChatInfo' });
    expect(error.message).to.contain('juzi-elements/dev');
    expect((await rejection(bridge.ready())).code).to.equal('unavailable');
  });

  it('waits for a host that loads after the bundle', async () => {
    const bridge = createBridge({ readyTimeout: 1000 });
    const pending = bridge.getCurChatInfo();
    await tick(120);
    const late = createSimulatedHost();
    page.juziWx = late;
    expect((await pending).id).to.equal(late.currentChat.Id);
  });

  it('finds a host on a later call after an earlier one was unavailable', async () => {
    const bridge = createBridge({ readyTimeout: 50 });
    expect((await rejection(bridge.ready())).code).to.equal('unavailable');
    page.juziWx = createSimulatedHost();
    await bridge.ready();
    expect(await bridge.getCurChatInfo()).to.have.property('id');
  });

  it('asks a host function again until it returns a host, and treats a throw as not yet', async () => {
    let asked = 0;
    const host = createSimulatedHost();
    const bridge = createBridge({
      readyTimeout: 1000,
      host: () => {
        asked += 1;
        if (asked === 1) throw new Error('not loaded');
        return asked < 3 ? undefined : host;
      },
    });
    await bridge.ready();
    expect(asked).to.equal(3);
    await bridge.getCurChatInfo();
    expect(asked).to.equal(3); // found once, kept
  });

  it('shares one lookup between concurrent callers', async () => {
    let asked = 0;
    const host = createSimulatedHost();
    const bridge = createBridge({ host: () => (++asked > 2 ? host : undefined), readyTimeout: 1000 });
    await Promise.all([bridge.ready(), bridge.ready(), bridge.getCurChatInfo()]);
    expect(asked).to.equal(3);
  });

  it('turns a host without the method into host-fail, not a crash', async () => {
    const bare = { isJuziWx: true, invoke() {} } as unknown as JuziHost;
    const error = await rejection(createBridge({ host: bare, timeout: 50 }).getCurChatInfo());
    expect(error).to.include({ code: 'host-fail' });
    expect(error.errMsg).to.contain('getCurChatInfo');
  });
});
