/**
 * The in-page half of bench/run.mjs: each case runs here against the built
 * bundles (dist/juzi-elements.js and the simulated-host bundle named by ?dev=)
 * and returns raw samples; run.mjs does the statistics, GC and heap readings.
 */
import * as juzi from '/dist/juzi-elements.js';
import { defineBareChatInfo } from './bare-chat-info.js';
import { quickRepliesCases } from './quick-replies.js';

const devFile = new URLSearchParams(location.search).get('dev') ?? 'juzi-elements-dev.js';
const { createSimulatedHost, installSimulatedHost } = await import(`/dist/${devFile}`);

const SUBJECT = 'juzi-chat-info';
const BASELINE = 'bench-bare-chat-info';
/** Past the bridge's focus debounce (100 ms) and post-switch re-read (300 ms): late host calls land inside it. */
const QUIET_MS = 600;
/** A render that takes this long is broken, not slow. */
const STUCK_MS = 20000;

defineBareChatInfo(
  BASELINE,
  [juzi.JuziChatInfo.styles].flat(Infinity).map((sheet) => sheet.cssText),
);

const names = createSimulatedHost().chats.map((chat) => chat.name);
/** The chat as the bridge normalises it: what the baseline is handed directly. */
const firstChat = await juzi.createBridge({ host: createSimulatedHost() }).getCurChatInfo();

/** A task that is not a timer: timers nested in timers are clamped to 4 ms. */
const nextTask = () =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Reading a layout property makes the browser style and lay out everything rendered so far. */
const layout = () => document.body.offsetHeight;
const shows = (el, name) => el.shadowRoot?.querySelector('[part~="name"]')?.textContent === name;

/** Resolves once every element's shadow root shows `name` (both sides use this same check). */
async function untilShown(els, name) {
  const start = performance.now();
  for (;;) {
    await Promise.all(els.map((el) => el.updateComplete));
    if (els.every((el) => shows(el, name))) return;
    if (performance.now() - start > STUCK_MS) {
      const stuck = els.find((el) => !shows(el, name));
      throw new Error(`<${stuck.localName}> never showed ${name}: ${stuck.shadowRoot?.textContent?.trim()}`);
    }
    await nextTask();
  }
}

/** Creates `n` elements (configured by `setup`), attaches them in one go, returns them and the stage. */
function mount(tag, n, setup) {
  const stage = document.createElement('div');
  document.body.append(stage);
  const fragment = document.createDocumentFragment();
  const els = [];
  for (let i = 0; i < n; i++) {
    const el = document.createElement(tag);
    setup?.(el);
    els.push(el);
  }
  fragment.append(...els);
  stage.append(fragment);
  return { stage, els };
}

/** Case 1 subject and case 4: 1000 <juzi-chat-info> on a fresh simulated host, then one chat switch. */
async function subjectRender(n) {
  const host = createSimulatedHost();
  const bridge = juzi.createBridge({ host });
  const t0 = performance.now();
  const { stage, els } = mount(SUBJECT, n, (el) => {
    el.bridge = bridge;
  });
  await untilShown(els, names[0]);
  layout();
  const t1 = performance.now();
  host.switchChat(1);
  await untilShown(els, names[1]);
  layout();
  const t2 = performance.now();
  stage.remove();
  return { render: t1 - t0, switch: t2 - t1 };
}

/** Case 1 baseline: the same DOM from bare Lit, data handed in directly. */
async function baselineRender(n) {
  const t0 = performance.now();
  const { stage, els } = mount(BASELINE, n, (el) => {
    el.chat = firstChat;
  });
  await untilShown(els, names[0]);
  layout();
  const t1 = performance.now();
  stage.remove();
  return { render: t1 - t0 };
}

/**
 * Diagnostic beside case 1: the same 1000 elements on a bridge that has already
 * read the chat, so they render the chat at once instead of loading, then the chat.
 */
async function readyRender(n) {
  const bridge = juzi.createBridge({ host: createSimulatedHost() });
  await bridge.refresh();
  const t0 = performance.now();
  const { stage, els } = mount(SUBJECT, n, (el) => {
    el.bridge = bridge;
  });
  await untilShown(els, names[0]);
  layout();
  const t1 = performance.now();
  stage.remove();
  return { render: t1 - t0 };
}

/** Between samples: collect the last sample's garbage so it is not charged to the next one. */
async function quiet() {
  globalThis.gc?.();
  await nextTask();
}

/**
 * Runs every side once per round, the order rotating each round (A B C, B C A, …)
 * so no side always runs first or last; `warmup` rounds are not recorded.
 * @param {{ warmup: number, pairs: number }} plan
 * @param {Record<string, () => Promise<unknown>>} sides
 * @returns {Promise<Record<string, unknown[]>>} the samples of each side, round by round
 */
async function interleave({ warmup, pairs }, sides) {
  const keys = Object.keys(sides);
  const samples = Object.fromEntries(keys.map((key) => [key, []]));
  for (let round = 0; round < warmup + pairs; round++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(round + i) % keys.length];
      await quiet();
      const result = await sides[key]();
      if (round >= warmup) samples[key].push(result);
    }
  }
  return samples;
}

/** Cases 1 and 4: render times of subject, baseline and the diagnostic, and the subject's switch time. */
async function render({ warmup, pairs, elements }) {
  const { subject, baseline, ready } = await interleave(
    { warmup, pairs },
    {
      subject: () => subjectRender(elements),
      baseline: () => baselineRender(elements),
      ready: () => readyRender(elements),
    },
  );
  return {
    subject: subject.map((s) => s.render),
    switch: subject.map((s) => s.switch),
    baseline: baseline.map((s) => s.render),
    ready: ready.map((s) => s.render),
  };
}

const countApis = (calls) => calls.reduce((counts, { api }) => ({ ...counts, [api]: (counts[api] ?? 0) + 1 }), {});

/**
 * Case 2, on a fresh page: `n` elements with no `bridge` property (the page's
 * shared bridge, the way a zero-JavaScript page runs) on an installed simulated host.
 */
async function hostCalls(n) {
  const host = installSimulatedHost();
  const { els } = mount(SUBJECT, n);
  await untilShown(els, names[0]);
  await sleep(QUIET_MS);
  const render = host.calls;
  host.clearCalls();
  host.switchChat(1);
  await untilShown(els, names[1]);
  await sleep(QUIET_MS);
  const afterSwitch = host.calls;
  const reads = (calls) => calls.filter((call) => call.api === 'getCurChatInfo').length;
  return {
    render: reads(render),
    switch: reads(afterSwitch),
    renderCalls: countApis(render),
    switchCalls: countApis(afterSwitch),
  };
}

/**
 * Case 3's host: juzi-helper's `invoke` shape, answering in a microtask. The
 * simulated host answers through setTimeout, which Chromium clamps to 4 ms once
 * timers nest, so 10,000 sequential calls on it would time the clamp.
 */
function instantHost() {
  const answer = (callback, res) => queueMicrotask(() => callback(res));
  return {
    isJuziWx: true,
    invoke(api, _params, callback) {
      answer(
        callback,
        api === 'getCurExternalContact'
          ? { userId: 'wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA', err_msg: 'getCurExternalContact:ok' }
          : { err_msg: `${api}:fail` },
      );
    },
    getCurChatInfo: ({ fail }) => answer(fail, { err_msg: 'getCurChatInfo:fail' }),
    openEnterpriseChat: ({ fail }) => answer(fail, { err_msg: 'openEnterpriseChat:fail' }),
    previewImage: ({ fail }) => answer(fail, { err_msg: 'previewImage:fail' }),
  };
}

/** What a page writes by hand without the bridge: one promise, one success check. */
function rawContact(host) {
  return new Promise((resolve, reject) => {
    host.invoke('getCurExternalContact', {}, (res) => {
      if (res?.err_msg === 'getCurExternalContact:ok' && typeof res.userId === 'string') resolve({ userId: res.userId });
      else reject(new Error(res?.err_msg ?? 'getCurExternalContact failed'));
    });
  });
}

/** Case 3: ms for `calls` sequential getCurExternalContact(), bridge vs raw, interleaved. */
async function bridgeOverhead({ warmup, pairs, calls }) {
  const host = instantHost();
  const bridge = juzi.createBridge({ host });
  await bridge.ready();
  const timed = (call) => async () => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await call();
    return performance.now() - t0;
  };
  return interleave(
    { warmup, pairs },
    { bridge: timed(() => bridge.getCurExternalContact()), raw: timed(() => rawContact(host)) },
  );
}

/** Case 5 state: one bridge whose live subscriptions are counted from outside. */
const memory = { host: undefined, bridge: undefined, live: 0, peak: 0 };

/** Case 5 set-up: counts subscriptions through a wrapper, so no public API is added for it. */
function memorySetup() {
  memory.host = createSimulatedHost();
  memory.bridge = juzi.createBridge({ host: memory.host });
  const subscribe = memory.bridge.subscribe.bind(memory.bridge);
  memory.bridge.subscribe = (listener) => {
    const unsubscribe = subscribe(listener);
    memory.live += 1;
    memory.peak = Math.max(memory.peak, memory.live);
    let done = false;
    return () => {
      if (!done) memory.live -= 1;
      done = true;
      unsubscribe();
    };
  };
}

/** Case 5: connects `total` elements, `batch` at a time, each batch rendered then removed. */
async function memoryCycle({ total, batch }) {
  memory.peak = 0;
  for (let done = 0; done < total; done += batch) {
    const { stage, els } = mount(SUBJECT, Math.min(batch, total - done), (el) => {
      el.bridge = memory.bridge;
    });
    await untilShown(els, names[0]);
    stage.remove();
    await nextTask();
  }
  await sleep(50);
  return memoryState();
}

function memoryState() {
  return {
    subscribers: memory.live,
    peakSubscribers: memory.peak,
    armedHostListeners: memory.host.listenerCount,
    hostReads: memory.host.callCount('getCurChatInfo'),
    elementsInDocument: document.querySelectorAll(SUBJECT).length,
  };
}

window.bench = { render, hostCalls, bridgeOverhead, memorySetup, memoryCycle, memoryState };

/** Case 7: <juzi-quick-replies> at 10,000 replies (see quick-replies.js). */
const quickReplies = quickRepliesCases(juzi, { createSimulatedHost });
quickReplies.define([juzi.JuziQuickReplies.styles].flat(Infinity).map((sheet) => sheet.cssText));
Object.assign(window.bench, {
  qrKeystrokeSubject: quickReplies.keystrokeSubject,
  qrKeystrokeBaseline: quickReplies.keystrokeBaseline,
  qrFirstRender: quickReplies.firstRender,
});
