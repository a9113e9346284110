import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { createBridge, type ChatContext, type JuziBridge } from '../../src/bridge/index.js';
import { createSimulatedHost, defaultChats, type SimulatedFault, type SimulatedHost } from '../../src/dev/index.js';
import { rejection, tick } from '../helpers.js';

const id = (i: number) => defaultChats[i]!.Id!;
/** A listen answered this long after it was armed is a real switch, not a host's acknowledgement. */
const SETTLED_MS = 150;
/** A listen answered this long after it was armed waited for the switch: it is re-armed at once, with no backoff. */
const LISTEN_WAITED_MS = 350;

describe('bridge chat epochs', () => {
  let host: SimulatedHost;
  let bridge: JuziBridge;
  let offs: (() => void)[];

  beforeEach(() => {
    host = createSimulatedHost();
    bridge = createBridge({ host, timeout: 300 });
    offs = [];
  });
  afterEach(() => offs.splice(0).forEach((off) => off()));

  const watch = () => {
    const seen: ChatContext[] = [];
    const off = bridge.subscribe((context) => seen.push(context));
    offs.push(off);
    return { seen, off };
  };
  const ready = () => waitUntil(() => bridge.context.status === 'ready', 'never ready');

  describe('a lapsed watch (every subscriber left)', () => {
    it('a subscriber after a switch it did not see gets the new chat, never the old one', async () => {
      const first = watch();
      await ready();
      first.off();
      host.switchChat(1);
      await tick(20);
      const second = watch();
      await waitUntil(() => bridge.context.chat?.id === id(1), 'the remounted subscriber kept the old chat');
      expect(second.seen.some((c) => c.chat?.id === id(0))).to.equal(false);
      expect(host.callCount('getCurChatInfo')).to.equal(2);
    });

    it('listens again after the remount, so the next switch is followed', async () => {
      watch().off();
      await tick(20);
      host.switchChat(1);
      await tick(20);
      watch();
      await waitUntil(() => bridge.context.chat?.id === id(1));
      await waitUntil(() => host.listenerCount === 1, 'the listen was not armed again');
      await tick(SETTLED_MS);
      host.switchChat(3);
      await waitUntil(() => bridge.context.chat?.id === id(3));
    });

    it('reads afresh even when nothing switched, and shows no chat from before the lapse', async () => {
      watch().off();
      await tick(20);
      const again = watch();
      expect(again.seen.every((c) => c.chat === undefined)).to.equal(true);
      await ready();
      expect(host.callCount('getCurChatInfo')).to.equal(2);
    });

    it('drops a read from before the lapse that answers after it', async () => {
      host.setLatency(100);
      const first = watch();
      await waitUntil(() => host.callCount('getCurChatInfo') === 1);
      first.off();
      host.setLatency(0);
      host.switchChat(1);
      await tick(150); // the first read answers the old chat now
      const second = watch();
      expect(second.seen.some((c) => c.chat?.id === id(0))).to.equal(false);
      await waitUntil(() => bridge.context.chat?.id === id(1));
      expect(second.seen.some((c) => c.chat?.id === id(0))).to.equal(false);
    });
  });

  describe('shared reads', () => {
    it('a contact read started after a switch never joins one started before it', async () => {
      watch();
      await ready();
      host.setFault('getCurExternalContact', { kind: 'never' });
      const before = bridge.getCurExternalContact();
      before.catch(() => {});
      await waitUntil(() => host.callCount('getCurExternalContact') === 1);
      host.setFault('getCurExternalContact', undefined);
      host.switchChat(3);
      await waitUntil(() => bridge.context.chat?.id === id(3));
      expect(await bridge.getCurExternalContact()).to.deep.equal({ userId: defaultChats[3]!.wxUserId });
      expect(host.callCount('getCurExternalContact')).to.equal(2);
      expect((await rejection(before)).code).to.equal('timeout');
    });

    it('still shares one call between readers within one epoch', async () => {
      watch();
      await ready();
      await Promise.all([bridge.getCurExternalContact(), bridge.getCurExternalContact(), bridge.getCurExternalContact()]);
      expect(host.callCount('getCurExternalContact')).to.equal(1);
    });
  });

  describe('after a switch', () => {
    it('reads again while the host answers the previous chat, and never shows it as current', async () => {
      host.setFault('getCurChatInfo', { kind: 'stale', count: 3 });
      const { seen } = watch();
      await ready();
      await tick(SETTLED_MS);
      const from = seen.length;
      const switchedAt = performance.now();
      host.switchChat(1);
      await waitUntil(() => bridge.context.chat?.id === id(1), 'the stale chat was accepted', { timeout: 3000 });
      expect(performance.now() - switchedAt).to.be.below(2300);
      expect(host.callCount('getCurChatInfo')).to.be.at.least(1 + 4);
      expect(seen.slice(from).map((c) => [c.status, c.chat?.id])).to.deep.equal([
        ['loading', undefined],
        ['ready', id(1)],
      ]);
    });

    it('accepts the same chat after at least 3 more tries (the listen fired but nothing changed)', async () => {
      const { seen } = watch();
      await ready();
      await tick(SETTLED_MS);
      host.updateChat({});
      await waitUntil(() => host.callCount('getCurChatInfo') === 2);
      await waitUntil(() => bridge.context.status === 'ready', 'never accepted', { timeout: 3000 });
      expect(host.callCount('getCurChatInfo')).to.be.at.least(1 + 4);
      expect(bridge.context.chat?.id).to.equal(id(0));
      expect(seen.at(-1)?.status).to.equal('ready');
    });

    it('a failed read is the error without the previous chat', async () => {
      const { seen } = watch();
      await ready();
      await tick(SETTLED_MS);
      const from = seen.length;
      host.setFault('getCurChatInfo', { kind: 'fail' });
      host.switchChat(1);
      await waitUntil(() => bridge.context.status === 'error');
      expect(bridge.context.chat).to.equal(undefined);
      expect(bridge.context.error).to.include({ code: 'host-fail' });
      expect(seen.slice(from).some((c) => c.chat !== undefined)).to.equal(false);
    });
  });

  describe('a failed re-read with no switch keeps the known chat', () => {
    beforeEach(() => {
      // The test page may be a background tab; a wake is what a visible page gets.
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      offs.push(() => delete (document as { visibilityState?: unknown }).visibilityState);
    });

    for (const [name, wake] of [
      ['focus', () => window.dispatchEvent(new Event('focus'))],
      ['visibility', () => document.dispatchEvent(new Event('visibilitychange'))],
      ['manual refresh()', () => bridge.refresh().catch(() => {})],
    ] as const) {
      it(`after a ${name} that times out`, async () => {
        watch();
        await ready();
        host.setFault('getCurChatInfo', { kind: 'never' });
        wake();
        await waitUntil(() => bridge.context.status === 'error', 'the re-read never failed');
        expect(bridge.context.error?.code).to.equal('timeout');
        expect(bridge.context.chat?.id).to.equal(id(0));
      });
    }

    it('a wake drops an answer from before it', async () => {
      watch();
      await ready();
      host.setLatency(120);
      host.setFault('getCurChatInfo', undefined);
      const early = bridge.refresh();
      await waitUntil(() => host.callCount('getCurChatInfo') === 2);
      host.setChats([...defaultChats], 1); // switched without a listen call-back: only the wake can tell
      host.setLatency(0);
      window.dispatchEvent(new Event('focus'));
      await waitUntil(() => bridge.context.chat?.id === id(1));
      await early;
      await tick(50);
      expect(bridge.context.chat?.id).to.equal(id(1));
    });
  });
});

describe('bridge listen backoff', () => {
  const scenarios: [string, Partial<Record<'updateBaseInfo' | 'getCurChatInfo', SimulatedFault>>, number][] = [
    ['acks every listen at once', { updateBaseInfo: { kind: 'ack' } }, 0],
    ['answers every listen inside the call', { updateBaseInfo: { kind: 'sync' } }, 0],
    ['acks every listen after 120 ms', { updateBaseInfo: { kind: 'ack' } }, 120],
    ['acks after 600 ms and answers stale chats', { updateBaseInfo: { kind: 'ack' }, getCurChatInfo: { kind: 'stale', count: 9 } }, 600],
    ['acks after 1100 ms and answers stale chats', { updateBaseInfo: { kind: 'ack' }, getCurChatInfo: { kind: 'stale', count: 9 } }, 1100],
  ];
  for (const [name, faults, latency] of scenarios) {
    it(`stays within 6 chat reads and 12 listens in any 3 s when the host ${name}`, async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
      const host = createSimulatedHost({ faults, latency });
      const bridge = createBridge({ host, timeout: 5000 });
      const reads: number[] = [];
      const listens: number[] = [];
      host.onCall((call) => {
        if (call.api === 'getCurChatInfo') reads.push(Date.now());
        if (call.api === 'updateBaseInfo') listens.push(Date.now());
      });
      // A real switch now and then, so a stale answer can be told from the current chat.
      const switches = setInterval(() => host.switchChat(host.currentChat.Id === id(0) ? 1 : 0), 1700);
      const off = bridge.subscribe(() => {});
      try {
        await clock.tickAsync(40000);
      } finally {
        off();
        clearInterval(switches);
        clock.restore();
      }
      const most = (times: number[]) => Math.max(...times.map((t) => times.filter((u) => u >= t && u <= t + 3000).length));
      expect(most(reads), `chat reads in 3 s (${reads.length} in all)`).to.be.at.most(6);
      expect(most(listens), `listens in 3 s (${listens.length} in all)`).to.be.at.most(12);
      expect(listens.length).to.be.at.least(3); // it kept listening
      expect(reads.length).to.be.at.least(4); // and kept reading
    });
  }

  it('re-arms a quickly answered listen after a delay doubling from 250 ms to 8 s', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const host = createSimulatedHost({ faults: { updateBaseInfo: { kind: 'ack' } } });
    const bridge = createBridge({ host, timeout: 5000 });
    const listens: number[] = [];
    host.onCall((call) => call.api === 'updateBaseInfo' && listens.push(Date.now()));
    const off = bridge.subscribe(() => {});
    try {
      await clock.tickAsync(60000);
    } finally {
      off();
      clock.restore();
    }
    const gaps = listens.slice(1).map((t, i) => t - listens[i]!);
    // Each gap is the delay plus the host's answer time (at most a few ms).
    [250, 500, 1000, 2000, 4000, 8000].forEach((delay, i) => expect(gaps[i]).to.be.within(delay, delay + 5));
    expect(gaps.slice(6).every((gap) => gap >= 8000 && gap <= 8005)).to.equal(true);
  });

  it('re-arms at once a listen that waited for a real switch', async () => {
    const host = createSimulatedHost();
    const bridge = createBridge({ host });
    const off = bridge.subscribe(() => {});
    try {
      for (const next of [1, 2, 3]) {
        await tick(LISTEN_WAITED_MS);
        host.switchChat(next);
        await waitUntil(() => bridge.context.chat?.id === id(next));
        await waitUntil(() => host.listenerCount === 1);
      }
      expect(host.callCount('updateBaseInfo')).to.equal(4);
    } finally {
      off();
    }
  });
});
