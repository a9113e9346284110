// Soak: many sends and chat switches through the simulated host with random faults.
// Chromium only: the same run takes several times longer in Firefox and WebKit here,
// and what it checks (the bridge's and the elements' bookkeeping) is not engine-specific.
import { expect, waitUntil } from '@open-wc/testing';
import { createBridge } from '../../src/bridge/index.js';
import type { JuziChatInfo } from '../../src/components/chat-info/chat-info.js';
import type { JuziSendButton } from '../../src/components/send-button/send-button.js';
import '../../src/define/chat-info.js';
import '../../src/define/send-button.js';
import { createSimulatedHost, defaultChats, type SimulatedFault } from '../../src/dev/index.js';
import { tick } from '../helpers.js';

const chromium = navigator.userAgent.includes('Chrome/');
const SEED = Number(new URLSearchParams(location.search).get('seed') ?? 20261201);

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const faults: (SimulatedFault | undefined)[] = [
  undefined,
  undefined,
  undefined,
  { kind: 'fail', errMsg: 'sendChatMessage:fail soak' },
  { kind: 'never' },
  { kind: 'malformed' },
  { kind: 'twice' },
  { kind: 'throw', message: 'soak throw' },
];

/**
 * `switches` random chat switches interleaved with reads, refreshes and remounts of <juzi-chat-info>,
 * every first read after a switch answering the chat from before it; then the context and every
 * mounted element must come to the host's current chat.
 */
async function chatSoak(seed: number, switches: number): Promise<void> {
  const random = prng(seed);
  const host = createSimulatedHost({ faults: { getCurChatInfo: { kind: 'stale', count: 1 } } });
  const bridge = createBridge({ host, timeout: 50 });
  const wrapper = document.createElement('div');
  document.body.append(wrapper);
  const mount = () => {
    const el = document.createElement('juzi-chat-info');
    el.bridge = bridge;
    wrapper.append(el);
  };
  const count = { switches: 0, reads: 0, refreshes: 0, remounts: 0, readErrors: 0 };
  const started = performance.now();
  try {
    mount();
    while (count.switches < switches) {
      host.setLatency(Math.floor(random() * 6));
      const op = random();
      if (op < 0.5) {
        host.switchChat(Math.floor(random() * defaultChats.length));
        count.switches += 1;
      } else if (op < 0.7) {
        bridge.getCurChatInfo().catch(() => (count.readErrors += 1));
        count.reads += 1;
      } else if (op < 0.8) {
        bridge.refresh().catch(() => (count.readErrors += 1));
        count.refreshes += 1;
      } else {
        // A router view: the chat info leaves, sometimes with a sibling still there, and a new one mounts.
        const all = wrapper.querySelectorAll('juzi-chat-info');
        all[Math.floor(random() * all.length)]!.remove();
        if (random() < 0.5 || wrapper.childElementCount === 0) mount();
        if (random() < 0.3) mount();
        count.remounts += 1;
      }
      if (random() < 0.3) await tick(Math.floor(random() * 4));
    }
    const current = host.currentChat.Id;
    await waitUntil(
      () => bridge.context.status === 'ready' && bridge.context.chat?.id === current,
      `the context stayed on ${bridge.context.chat?.id} (${bridge.context.status}), the host is on ${current}`,
      { timeout: 20000 },
    );
    const shown = [...wrapper.querySelectorAll<JuziChatInfo>('juzi-chat-info')];
    await Promise.all(shown.map((el) => el.updateComplete));
    const name = host.currentChat.name;
    console.log(
      `soak chats (seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s): ${count.switches} switches, ` +
        `${count.reads} reads, ${count.refreshes} refreshes, ${count.remounts} remounts, ${count.readErrors} read errors; ` +
        `host calls getCurChatInfo ${host.callCount('getCurChatInfo')}, updateBaseInfo ${host.callCount('updateBaseInfo')}; ` +
        `ends on ${current} with ${shown.length} chat info(s) mounted`,
    );
    expect(shown.length).to.be.above(0);
    for (const el of shown) expect(el.shadowRoot!.textContent).to.contain(name);
  } finally {
    wrapper.remove();
  }
}

if (chromium) describe('soak (Chromium)', function () {
  this.timeout(120000);

  it('accounts for each of 10,000 sends exactly once (juzi-sent or juzi-error)', async () => {
    const random = prng(SEED);
    const host = createSimulatedHost();
    const bridge = createBridge({ host, timeout: 50 });
    // Each call to the host gets its own fault and latency (onCall runs before the host looks at them).
    const drawn = new Map<string, number>();
    host.onCall((call) => {
      if (call.api !== 'sendChatMessage') return;
      const fault = faults[Math.floor(random() * faults.length)];
      drawn.set(fault?.kind ?? 'ok', (drawn.get(fault?.kind ?? 'ok') ?? 0) + 1);
      host.setFault('sendChatMessage', fault);
      host.setLatency(Math.floor(random() * 6));
    });

    const total = 10000;
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const buttons: JuziSendButton[] = [];
    for (let i = 0; i < 40; i += 1) {
      const el = document.createElement('juzi-send-button');
      el.bridge = bridge;
      el.setAttribute('content', `soak ${i}`);
      wrapper.append(el);
      buttons.push(el);
    }
    const pending = new Set<JuziSendButton>();
    const count = { attempts: 0, sent: 0, errors: 0, doubled: 0, overlapped: 0 };
    const codes = new Map<string, number>();
    const settle = (el: JuziSendButton) => {
      if (!pending.delete(el)) count.doubled += 1;
    };
    wrapper.addEventListener('juzi-before-send', (event) => {
      const el = event.target as JuziSendButton;
      if (pending.has(el)) count.overlapped += 1;
      pending.add(el);
      count.attempts += 1;
    });
    wrapper.addEventListener('juzi-sent', (event) => {
      count.sent += 1;
      settle(event.target as JuziSendButton);
    });
    wrapper.addEventListener('juzi-error', (event) => {
      count.errors += 1;
      const code = event.detail.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      settle(event.target as JuziSendButton);
    });

    const started = performance.now();
    try {
      await Promise.all(buttons.map((el) => el.updateComplete));
      while (count.sent + count.errors < total || pending.size > 0) {
        for (const el of buttons) {
          if (count.attempts >= total) break;
          if (!pending.has(el)) el.shadowRoot!.querySelector('button')!.click();
        }
        await tick(0);
        if (performance.now() - started > 100000) break;
      }
      await tick(100); // a late second answer ("twice") would be counted as a double now
    } finally {
      wrapper.remove();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `soak sends (seed ${SEED}, ${seconds} s): ${count.attempts} sends, ${count.sent} juzi-sent, ${count.errors} juzi-error ` +
        `(${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}), lost ${count.attempts - count.sent - count.errors - pending.size}, ` +
        `doubled ${count.doubled}, overlapped ${count.overlapped}; host calls ${host.callCount('sendChatMessage')}, ` +
        `host accepted ${host.sent.length}; faults drawn ${[...drawn].map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
    );
    expect(count.attempts).to.equal(total);
    expect(count.sent + count.errors).to.equal(total);
    expect(count.doubled).to.equal(0);
    expect(count.overlapped).to.equal(0);
    expect(pending.size).to.equal(0);
    expect(host.callCount('sendChatMessage')).to.equal(total);
    // Every send the host accepted and answered in time is a juzi-sent; a "never" that the host accepted is not.
    expect(count.sent).to.be.at.most(host.sent.length);
    for (const kind of ['ok', 'fail', 'never', 'malformed', 'twice', 'throw']) expect(drawn.get(kind) ?? 0).to.be.above(0);
  });

  it('ends on the host’s current chat after 1,000 random switches, reads and remounts', () => chatSoak(SEED + 1, 1000));

  // Switches heard late, or not at all while the listen backs off: each seed is another interleaving.
  for (let seed = 1; seed <= 20; seed += 1) {
    it(`ends on the host’s current chat after 300 switches (seed ${seed})`, () => chatSoak(seed, 300));
  }
});

