import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { createBridge, type ChatContext, type JuziBridge } from '../../src/bridge/index.js';
import { createSimulatedHost, defaultChats, type SimulatedHost } from '../../src/dev/index.js';
import { rejection, tick } from '../helpers.js';

describe('bridge chat context', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;
  let unsubscribe: (() => void)[];

  beforeEach(() => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 200 });
    unsubscribe = [];
  });
  afterEach(() => unsubscribe.forEach((off) => off()));

  const watch = () => {
    const seen: ChatContext[] = [];
    unsubscribe.push(bridge.subscribe((context) => seen.push(context)));
    return seen;
  };

  it('starts idle, loads on the first subscriber, then is ready', async () => {
    expect(bridge.context).to.deep.equal({ status: 'idle' });
    const seen = watch();
    expect(bridge.context.status).to.equal('loading');
    await waitUntil(() => bridge.context.status === 'ready');
    expect(seen.map((c) => c.status)).to.deep.equal(['loading', 'ready']);
    expect(bridge.context.chat?.id).to.equal(defaultChats[0]!.Id);
  });

  it('costs one host call for 100 concurrent getCurChatInfo() callers', async () => {
    const chats = await Promise.all(Array.from({ length: 100 }, () => bridge.getCurChatInfo()));
    expect(host.callCount('getCurChatInfo')).to.equal(1);
    expect(new Set(chats.map((c) => c.id)).size).to.equal(1);
  });

  it('shares one call between concurrent contact and chat-id reads too', async () => {
    await Promise.all([bridge.getCurExternalContact(), bridge.getCurExternalContact()]);
    expect(host.callCount('getCurExternalContact')).to.equal(1);
    host.switchChat(defaultChats.findIndex((c) => c.type === 1));
    await Promise.all([bridge.getCurExternalChat(), bridge.getCurExternalChat()]);
    expect(host.callCount('getCurExternalChat')).to.equal(1);
  });

  it('costs one host call for 100 subscribers', async () => {
    for (let i = 0; i < 100; i += 1) watch();
    await waitUntil(() => bridge.context.status === 'ready');
    expect(host.callCount('getCurChatInfo')).to.equal(1);
  });

  it('follows two chat switches and keeps the listen armed', async () => {
    const seen = watch();
    await waitUntil(() => bridge.context.status === 'ready');
    expect(host.listenerCount).to.equal(1);
    host.switchChat(1);
    await waitUntil(() => bridge.context.chat?.id === defaultChats[1]!.Id);
    await waitUntil(() => host.listenerCount === 1, 'the listen was not armed again');
    host.switchChat(2);
    await waitUntil(() => bridge.context.chat?.id === defaultChats[2]!.Id);
    expect(seen.filter((c) => c.status === 'ready').map((c) => c.chat?.id)).to.deep.equal(
      [0, 1, 2].map((i) => defaultChats[i]!.Id),
    );
    await waitUntil(() => host.listenerCount === 1, 'the listen was not armed again');
    expect(host.callCount('updateBaseInfo')).to.equal(3);
    // Switches this quick are re-armed after a short delay, with one more read to catch a switch in between.
    expect(host.callCount('getCurChatInfo')).to.be.within(3, 5);
  });

  it('re-reads once more when the host still answers the previous chat after a switch', async () => {
    host = createSimulatedHost({ staleReadsAfterSwitch: 1 });
    bridge = createBridge({ host });
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    host.switchChat(1);
    await waitUntil(() => bridge.context.chat?.id === defaultChats[1]!.Id, 'the stale answer was never corrected', {
      timeout: 2000,
    });
    expect(host.callCount('getCurChatInfo')).to.equal(3);
  });

  it('notices a change of the current chat (bot goes offline)', async () => {
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    host.updateChat({ botStatus: 1 });
    await waitUntil(() => bridge.context.chat?.botStatus === 1);
  });

  it('lets a later refresh win over an earlier one that answers late', async () => {
    host.setLatency(150);
    const early = bridge.refresh();
    await waitUntil(() => host.callCount('getCurChatInfo') === 1); // the early read reached the host before the switch
    host.switchChat(1);
    host.setLatency(0);
    const late = bridge.refresh();
    expect((await late).id).to.equal(defaultChats[1]!.Id);
    expect((await early).id).to.equal(defaultChats[1]!.Id); // superseded: resolves with the newest
    await tick(200);
    expect(bridge.context.chat?.id).to.equal(defaultChats[1]!.Id);
    expect(host.callCount('getCurChatInfo')).to.equal(2);
  });

  it('goes to error with the JuziError, keeps the last chat, and recovers on refresh', async () => {
    await bridge.refresh();
    host.setFault('getCurChatInfo', { kind: 'fail', errMsg: 'getCurChatInfo:fail' });
    const error = await rejection(bridge.refresh());
    expect(bridge.context.status).to.equal('error');
    expect(bridge.context.error).to.equal(error);
    expect(bridge.context.chat?.id).to.equal(defaultChats[0]!.Id);
    host.setFault('getCurChatInfo', undefined);
    const known = bridge.context.chat;
    const pending = bridge.refresh();
    // Loading again, the known chat still there (and nothing else).
    expect(bridge.context).to.deep.equal({ status: 'loading', chat: known });
    await pending;
    expect(bridge.context.status).to.equal('ready');
    expect(bridge.context).not.to.have.property('error');
  });

  it('does not notify when a refresh reads the same chat', async () => {
    const seen = watch();
    await waitUntil(() => bridge.context.status === 'ready');
    await bridge.refresh();
    expect(seen.map((c) => c.status)).to.deep.equal(['loading', 'ready']);
  });

  it('refreshes once for a burst of focus and visibility events', async () => {
    // The test page may be a background tab; the burst is what a visible page gets.
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    unsubscribe.push(() => delete (document as { visibilityState?: unknown }).visibilityState);
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    for (let i = 0; i < 5; i += 1) {
      window.dispatchEvent(new Event('focus'));
      document.dispatchEvent(new Event('visibilitychange'));
    }
    await waitUntil(() => host.callCount('getCurChatInfo') === 2);
    await tick(250);
    expect(host.callCount('getCurChatInfo')).to.equal(2);
  });

  const pinVisible = (state: 'visible' | 'hidden' = 'visible') => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    unsubscribe.push(() => delete (document as { visibilityState?: unknown }).visibilityState);
  };

  it('keeps a ready chat while a refresh reads it again, and refreshes are not held back', async () => {
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    const statuses: string[] = [];
    unsubscribe.push(bridge.subscribe((context) => statuses.push(context.status)));
    const reads = Array.from({ length: 8 }, () => bridge.refresh());
    expect(bridge.context.status).to.equal('ready');
    await tick(100);
    expect(host.callCount('getCurChatInfo'), 'eight refreshes, eight reads at once').to.equal(9);
    await Promise.all(reads);
    expect(statuses).to.deep.equal([]);
  });

  it('keeps watching while another subscriber stays', async () => {
    watch();
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    unsubscribe.pop()!();
    expect(bridge.context.status).to.equal('ready');
    host.switchChat(1);
    await waitUntil(() => bridge.context.chat?.id === defaultChats[1]!.Id, 'the remaining subscriber follows the switch');
  });

  it('does not read on a wake while the page is hidden', async () => {
    pinVisible('hidden');
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    document.dispatchEvent(new Event('visibilitychange'));
    await tick(250);
    expect(host.callCount('getCurChatInfo')).to.equal(1);
  });

  it('a wake starts a new epoch: a contact read after it does not join one from before', async () => {
    pinVisible();
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    host.setLatency(180); // the timeout is 200 ms
    const before = bridge.getCurExternalContact();
    window.dispatchEvent(new Event('focus'));
    await tick(120);
    const after = bridge.getCurExternalContact();
    expect(host.callCount('getCurExternalContact')).to.equal(2);
    await Promise.all([before, after]);
  });

  it('a wake pending when the last subscriber leaves reads nothing', async () => {
    pinVisible();
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    window.dispatchEvent(new Event('focus'));
    unsubscribe.pop()!();
    await tick(250);
    expect(host.callCount('getCurChatInfo')).to.equal(1);
  });

  it('stops watching when the last subscriber leaves', async () => {
    pinVisible();
    const seen = watch();
    await waitUntil(() => bridge.context.status === 'ready');
    unsubscribe.pop()!();
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
    host.switchChat(1);
    await tick(250);
    expect(host.callCount('getCurChatInfo')).to.equal(1);
    expect(seen).to.have.length(2); // loading, ready: nothing after leaving
  });

  it('a subscriber after a switch that came while nobody watched gets the new chat', async () => {
    const first = bridge.subscribe(() => {});
    await waitUntil(() => bridge.context.status === 'ready');
    first();
    host.switchChat(1);
    await tick();
    watch();
    await waitUntil(() => bridge.context.chat?.id === defaultChats[1]!.Id, `still ${bridge.context.chat?.name}`);
    expect(host.callCount('getCurChatInfo')).to.equal(2);
  });

  it('keeps notifying the others when one subscriber throws', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (e: unknown) => errors.push(e);
    try {
      unsubscribe.push(
        bridge.subscribe(() => {
          throw new Error('broken page code');
        }),
      );
      const seen = watch();
      await waitUntil(() => seen.length === 1); // ready: it subscribed after loading
      expect(errors).to.have.length(2); // the broken one threw on loading and on ready
    } finally {
      console.error = original;
    }
  });

  it('arms the listen again after the host refused it', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      host.setFault('updateBaseInfo', { kind: 'fail', errMsg: 'updateBaseInfo:fail' });
      watch();
      await clock.tickAsync(10);
      expect(bridge.context.status).to.equal('ready');
      expect(host.callCount('updateBaseInfo')).to.equal(1);
      expect(host.listenerCount).to.equal(0);
      host.setFault('updateBaseInfo', undefined);
      await clock.tickAsync(2900);
      expect(host.callCount('updateBaseInfo')).to.equal(1); // a refusal is not a switch: no early re-arm
      expect(host.callCount('getCurChatInfo')).to.equal(1);
      await clock.tickAsync(100);
      expect(host.callCount('updateBaseInfo')).to.equal(2);
      expect(host.listenerCount).to.equal(1);
    } finally {
      clock.restore();
    }
  });

  it('takes a listen answered with a bare ok string as refused, not as a switch', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      host.setFault('updateBaseInfo', { kind: 'malformed', response: 'updateBaseInfo:ok' });
      watch();
      await clock.tickAsync(10);
      host.switchChat(1);
      await clock.tickAsync(2900);
      expect(host.callCount('getCurChatInfo')).to.equal(1);
      expect(host.callCount('updateBaseInfo')).to.equal(1);
    } finally {
      clock.restore();
    }
  });

  it('takes the first of two listen answers only', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      host.setFault('updateBaseInfo', { kind: 'twice' });
      watch();
      await clock.tickAsync(2000);
      host.switchChat(1); // answers ok, then a failure the bridge must ignore
      await clock.tickAsync(10);
      expect(bridge.context.chat?.id).to.equal(defaultChats[1]!.Id);
      expect(host.listenerCount).to.equal(1);
      await clock.tickAsync(5000);
      expect(host.callCount('updateBaseInfo')).to.equal(2);
      expect(host.listenerCount).to.equal(1);
    } finally {
      clock.restore();
    }
  });

  it('arms the listen again on the next refresh after the host threw on it', async () => {
    host.setFault('updateBaseInfo', { kind: 'throw' });
    watch();
    await waitUntil(() => bridge.context.status === 'ready');
    expect(host.listenerCount).to.equal(0);
    host.setFault('updateBaseInfo', undefined);
    await bridge.refresh();
    await waitUntil(() => host.listenerCount === 1, 'never armed again');
    expect(host.callCount('updateBaseInfo')).to.equal(2);
  });

  it('is unavailable in the context when there is no host', async () => {
    bridge = createBridge({ host: () => undefined, readyTimeout: 50 });
    watch();
    await waitUntil(() => bridge.context.status === 'error');
    expect(bridge.context.error?.code).to.equal('unavailable');
  });
});
