/**
 * A fake of juzi-helper's patched `wx` for the demo and for every bridge test.
 * It answers exactly as the vendor's reference says (err_msg strings included),
 * asynchronously unless told otherwise, and can misbehave on purpose (fail, never
 * answer, answer malformed data, answer twice, throw, answer synchronously, ack a
 * listen at once, answer a stale chat, use jweixin's `errMsg`) so a bridge bug
 * cannot hide behind it.
 * Plain closures, no `this`: the real host's methods also work when detached.
 */
import type { HostApi, HostCallback, HostCallbacks, InvokeApi, JuziHost } from '../bridge/host.js';
import { defaultChats } from './chats.js';

export { defaultChats } from './chats.js';

/** A raw chat as the host sends it from `getCurChatInfo`. */
export interface SimulatedChat {
  /** Chat id as the vendor documents it. */
  Id?: string;
  /** Chat id as the host has been seen sending it. */
  id?: string;
  /** Chat name (untrusted text). */
  name: string;
  /** 0 single chat, 1 group chat. */
  type: number;
  /** Whether the other side is outside the company. */
  external: boolean;
  /** WeCom contact userId (single chats). */
  wxUserId?: string;
  /** WeCom group chatId (group chats). */
  wxChatId?: string;
  /** Hosted bot account id. */
  botId: string;
  /** Hosted bot account name. */
  botName: string;
  /** 1 offline, 2 online. */
  botStatus: number;
  /** 0 none, 1 WeChat, 2 WeCom, 3 official account, 4 WhatsApp. */
  botType: number;
  /** Juzi group id. */
  jzGroupId: string;
  /** Juzi workbench user id. */
  jzUserId: string;
  /** Tests add unknown fields or wrong types on purpose. */
  [extra: string]: unknown;
}

/** A way for one API to misbehave; it overrides the API's normal behaviour. */
export type SimulatedFault =
  /** Answers a failure with these words (default `<api>:fail`). */
  | { kind: 'fail'; errMsg?: string }
  /** Never calls back. */
  | { kind: 'never' }
  /** Answers "ok" with a wrongly-shaped payload; `response` replaces it verbatim. */
  | { kind: 'malformed'; response?: unknown }
  /** Answers correctly, then calls back again with a failure on the next tick. */
  | { kind: 'twice' }
  /** The call throws synchronously. */
  | { kind: 'throw'; message?: string }
  /** Answers inside the call, before it returns (an `updateBaseInfo` listen: ok at once, without a switch). */
  | { kind: 'sync' }
  /** For the `updateBaseInfo` listen: answers ok at once instead of waiting for a switch (other APIs answer normally). */
  | { kind: 'ack' }
  /** The next `count` reads of this API after each switch answer the previous chat. */
  | { kind: 'stale'; count: number }
  /** Answers carry the words under `errMsg` (jweixin's key) instead of `err_msg`; with `fail`, a failure with those words. */
  | { kind: 'errMsg'; fail?: string };

/** Options of `createSimulatedHost` / `installSimulatedHost`. */
export interface SimulatedHostOptions {
  /** The chats the host knows (default `defaultChats`). */
  chats?: SimulatedChat[];
  /** Initial chat: index, or `Id`/`id` (default 0). */
  chat?: number | string;
  /** Milliseconds before each answer (default 0; answers are asynchronous anyway). */
  latency?: number;
  /** Faults per API, as with `setFault`. */
  faults?: Partial<Record<HostApi, SimulatedFault>>;
  /** After `switchChat`, this many chat reads still answer the previous chat (default 0). */
  staleReadsAfterSwitch?: number;
  /** What `sidebarAuth` answers as the code (default a fresh random `sim-` code). */
  authCode?: () => string | Promise<string>;
}

/** One call the host received. */
export interface SimulatedHostCall {
  /** The API called. */
  api: HostApi;
  /** A deep copy of the params, without `success`/`fail`. */
  params: unknown;
  /** `performance.now()` when the call arrived. */
  at: number;
}

/** The simulated host: a `JuziHost` plus controls and a call log. */
export interface SimulatedHost extends JuziHost {
  /** Always `true`, like a `wx` juzi-helper has patched. */
  readonly isJuziWx: true;
  /** Every invoke / method call in order, including `updateBaseInfo`. */
  readonly calls: readonly SimulatedHostCall[];
  /** Messages the host accepted (`sendChatMessage` ok). */
  readonly sent: readonly unknown[];
  /** Copies of the chats the host knows. */
  readonly chats: readonly SimulatedChat[];
  /** A copy of the current chat (never the stale one). */
  readonly currentChat: SimulatedChat;
  /** Armed `updateBaseInfo` listeners right now. */
  readonly listenerCount: number;
  /** All calls, or calls to one API. */
  callCount(api?: HostApi): number;
  /** Empties the call log. */
  clearCalls(): void;
  /** Switches to a chat (index or `Id`/`id`), then fires and disarms every listener. */
  switchChat(chat: number | string): void;
  /** Edits the current chat, then fires and disarms every listener. */
  updateChat(patch: Partial<SimulatedChat>): void;
  /** Replaces the chats and selects one (default 0) without firing listeners. */
  setChats(chats: SimulatedChat[], chat?: number | string): void;
  /** Sets or (with `undefined`) clears the fault of one API. */
  setFault(api: HostApi, fault: SimulatedFault | undefined): void;
  /** Sets the delay before each later answer. */
  setLatency(ms: number): void;
  /** Reports every call as it arrives, before it is answered; returns unsubscribe. */
  onCall(listener: (call: SimulatedHostCall) => void): () => void;
  /** Removes `globalThis.juziWx` if it is still this host. */
  uninstall(): void;
}

type Outcome = { ok: boolean; res: unknown };
type Dict = Record<string, unknown>;

const isRecord = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** A deep copy where the structured-clone algorithm allows one, else a shallow one. */
function copy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    if (Array.isArray(value)) return value.slice() as T;
    if (isRecord(value)) return { ...value } as T;
    return value;
  }
}

function randomCode(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `sim-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A callback that throws is the page's bug, not the host's: report it and carry on. */
function safely(api: string, callback: unknown, res: unknown): void {
  if (typeof callback !== 'function') return;
  try {
    (callback as (res: unknown) => void)(res);
  } catch (error) {
    console.error(`[simulated host] a ${api} callback threw`, error);
  }
}

/** The words the real host answers `sendChatMessage` with for these params. */
function checkMessage(message: unknown): string {
  if (!isRecord(message)) return 'sendChatMessage:fail';
  const body = (key: string): Dict => (isRecord(message[key]) ? message[key] : {});
  switch (message.msgtype) {
    case 'text':
      return isBlank(body('text').content) ? 'text content is empty' : 'sendChatMessage:ok';
    case 'image':
    case 'video':
    case 'file':
      return isBlank(body(message.msgtype).url) ? 'url is empty' : 'sendChatMessage:ok';
    case 'news':
      return isBlank(body('news').link) ? 'url is empty' : 'sendChatMessage:ok';
    case 'miniprogram':
      return 'sendChatMessage:ok';
    default:
      return 'sendChatMessage:fail';
  }
}

/** "ok" with the wrong shape: wrong field types, or a bare string where an object belongs. */
function malformedAnswer(api: string): unknown {
  switch (api) {
    case 'getCurChatInfo':
      return { Id: 42, name: null, err_msg: 'getCurChatInfo:ok' };
    case 'getCurExternalContact':
      return { err_msg: 'getCurExternalContact:ok', userId: 123 };
    case 'getCurExternalChat':
      return { err_msg: 'getCurExternalChat:ok', chatId: 123 };
    case 'sidebarAuth':
      return { err_msg: 'sidebarAuth:ok', data: { baseInfo: { code: 123 } } };
    default:
      return `${api}:ok`;
  }
}

/** The same answer with jweixin's key: `errMsg` instead of `err_msg`. */
function jweixinWords(res: unknown): unknown {
  if (!isRecord(res) || !('err_msg' in res)) return res;
  const { err_msg: words, ...rest } = res;
  return { ...rest, errMsg: words };
}

function checkLatency(ms: number): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`latency must be a finite number >= 0, got ${String(ms)}`);
  }
  return ms;
}

function checkChats(chats: readonly SimulatedChat[]): SimulatedChat[] {
  if (!Array.isArray(chats) || chats.length === 0) throw new RangeError('the simulated host needs at least one chat');
  return chats.map((chat) => copy(chat));
}

function findChat(chats: readonly SimulatedChat[], chat: number | string): number {
  const index =
    typeof chat === 'number'
      ? Number.isInteger(chat) && chat >= 0 && chat < chats.length
        ? chat
        : -1
      : chats.findIndex((c) => c.Id === chat || c.id === chat);
  if (index < 0) throw new RangeError(`the simulated host has no chat ${JSON.stringify(chat)}`);
  return index;
}

/** Creates a simulated juzi-helper host (not installed anywhere). */
export function createSimulatedHost(options: SimulatedHostOptions = {}): SimulatedHost {
  let chats = checkChats(options.chats ?? defaultChats);
  let current = findChat(chats, options.chat ?? 0);
  let latency = checkLatency(options.latency ?? 0);
  const staleLimit = options.staleReadsAfterSwitch ?? 0;
  if (!Number.isInteger(staleLimit) || staleLimit < 0) {
    throw new RangeError(`staleReadsAfterSwitch must be an integer >= 0, got ${String(staleLimit)}`);
  }
  const authCode = options.authCode ?? randomCode;
  const faults = new Map<string, SimulatedFault>();
  for (const [api, fault] of Object.entries(options.faults ?? {})) if (fault) faults.set(api, checkFault(fault));

  const calls: SimulatedHostCall[] = [];
  const sent: unknown[] = [];
  const callListeners = new Set<(call: SimulatedHostCall) => void>();
  let armed: { callback: unknown; fault: SimulatedFault | undefined }[] = [];
  let previousChat: SimulatedChat | undefined;
  let staleReads = 0;
  /** Reads left per API that answer the previous chat (the `stale` fault). */
  const staleLeft = new Map<string, number>();

  /** The chat a read of `api` sees: the previous one while a switch quirk lasts. */
  function readChat(api: string): SimulatedChat {
    const left = staleLeft.get(api) ?? 0;
    if (left > 0 && previousChat) {
      staleLeft.set(api, left - 1);
      return previousChat;
    }
    if (staleReads > 0 && previousChat) {
      staleReads -= 1;
      return previousChat;
    }
    return chats[current] as SimulatedChat;
  }

  function checkFault(fault: SimulatedFault): SimulatedFault {
    if (fault.kind === 'stale' && !(Number.isInteger(fault.count) && fault.count >= 0)) {
      throw new RangeError(`a stale fault needs an integer count >= 0, got ${String(fault.count)}`);
    }
    return fault;
  }

  function record(api: string, params: unknown): void {
    const call: SimulatedHostCall = { api: api as HostApi, params, at: performance.now() };
    calls.push(call);
    for (const listener of [...callListeners]) safely('onCall', listener, call);
  }

  /**
   * Answers after `latency` (inside the call with the `sync` fault); `twice` adds a
   * failure on the next tick; the `errMsg` fault moves the words to `errMsg`.
   */
  function answer(api: string, outcome: Outcome, success: unknown, fail: unknown, twice: boolean): void {
    const fault = faults.get(api);
    const res = fault?.kind === 'errMsg' ? jweixinWords(outcome.res) : outcome.res;
    const reply = () => {
      safely(api, outcome.ok ? success : fail, res);
      if (twice) setTimeout(() => safely(api, fail, { err_msg: `${api}:fail` }), 0);
    };
    if (fault?.kind === 'sync') reply();
    else setTimeout(reply, latency);
  }

  /** `sidebarAuth`'s answer, once `authCode()` has given a code (it may fetch one from a region server). */
  function answerSidebarAuth(callback: unknown, twice: boolean): void {
    Promise.resolve()
      .then(authCode)
      .then(
        (code) => ({ ok: true, res: { err_msg: 'sidebarAuth:ok', data: { baseInfo: { code } } } }),
        (error: unknown) => ({ ok: false, res: { err_msg: `sidebarAuth:fail ${String(error)}` } }),
      )
      .then((outcome) => answer('sidebarAuth', outcome, callback, callback, twice));
  }

  /**
   * One call: log it, apply its fault, else its normal behaviour. `normal` returns
   * undefined when the answer comes later (an armed `updateBaseInfo` listener, which
   * then takes malformed / twice faults with it).
   */
  function handle(
    api: string,
    params: unknown,
    success: unknown,
    fail: unknown,
    normal: (fault: SimulatedFault | undefined) => Outcome | undefined,
    deferred = false,
  ): void {
    record(api, params);
    const fault = faults.get(api);
    if (fault?.kind === 'throw') throw new Error(fault.message ?? `simulated host: ${api} threw`);
    if (fault?.kind === 'never') return;
    let outcome: Outcome | undefined;
    if (fault?.kind === 'fail') outcome = { ok: false, res: { err_msg: fault.errMsg ?? `${api}:fail` } };
    else if (fault?.kind === 'errMsg' && fault.fail !== undefined) outcome = { ok: false, res: { err_msg: fault.fail } };
    else if (fault?.kind === 'malformed' && !deferred) {
      outcome = { ok: true, res: 'response' in fault ? fault.response : malformedAnswer(api) };
    } else outcome = normal(fault);
    if (outcome) answer(api, outcome, success, fail, fault?.kind === 'twice');
  }

  function invokeAnswer(api: string, params: unknown): Outcome {
    const ok = (res: Dict): Outcome => ({ ok: true, res });
    switch (api) {
      case 'getCurExternalContact': {
        const chat = readChat(api);
        return chat.type === 0 && !isBlank(chat.wxUserId)
          ? ok({ userId: chat.wxUserId, err_msg: 'getCurExternalContact:ok' })
          : ok({ userId: undefined, err_msg: 'getCurExternalContact:fail' });
      }
      case 'getCurExternalChat': {
        const chat = readChat(api);
        return chat.type === 1 && !isBlank(chat.wxChatId)
          ? ok({ chatId: chat.wxChatId, err_msg: 'getCurExternalChat:ok' })
          : ok({ chatId: undefined, err_msg: 'getCurExternalChat:fail' });
      }
      case 'sendChatMessage': {
        const words = checkMessage(params);
        if (words === 'sendChatMessage:ok') sent.push(copy(params));
        return ok({ err_msg: words });
      }
      case 'sendMultiChatMessage':
        return ok({ err_msg: 'sendMultiChatMessage:ok' });
      case 'updateBaseInfo':
        return ok({ err_msg: 'updateBaseInfo:fail' }); // only reqType 'listen' is served
      default:
        // Method APIs are not served through invoke on the real host either.
        return ok({ err_msg: `${api}:fail` });
    }
  }

  /** Fires (and disarms) every armed listener: the page must listen again. */
  function fireListeners(): void {
    const firing = armed;
    armed = [];
    for (const { callback, fault } of firing) {
      const res =
        fault?.kind === 'malformed'
          ? 'response' in fault
            ? fault.response
            : malformedAnswer('updateBaseInfo')
          : { err_msg: 'updateBaseInfo:ok' };
      answer('updateBaseInfo', { ok: true, res }, callback, callback, fault?.kind === 'twice');
    }
  }

  /** Splits `{ ...params, success, fail }` into a logged copy and the callbacks. */
  function methodArgs(options: unknown): { params: unknown; success: unknown; fail: unknown } {
    if (!isRecord(options)) return { params: copy(options), success: undefined, fail: undefined };
    const { success, fail, ...params } = options;
    return { params: copy(params), success, fail };
  }

  const host: SimulatedHost = {
    isJuziWx: true,

    invoke(api: InvokeApi, params: object, callback: HostCallback): void {
      const name = String(api);
      const listening = name === 'updateBaseInfo' && isRecord(params) && params.reqType === 'listen';
      handle(
        name,
        copy(params),
        callback,
        callback,
        (fault) => {
          if (name === 'sidebarAuth') answerSidebarAuth(callback, fault?.kind === 'twice');
          else if (listening && (fault?.kind === 'ack' || fault?.kind === 'sync')) {
            return { ok: true, res: { err_msg: 'updateBaseInfo:ok' } };
          } else if (listening) armed.push({ callback, fault });
          else return invokeAnswer(name, params);
          return undefined;
        },
        listening,
      );
    },

    getCurChatInfo(options: HostCallbacks): void {
      const { params, success, fail } = methodArgs(options);
      handle('getCurChatInfo', params, success, fail, () => ({
        ok: true,
        res: { ...copy(readChat('getCurChatInfo')), err_msg: 'getCurChatInfo:ok' },
      }));
    },

    openEnterpriseChat(options: HostCallbacks & { userIds: string; externalUserIds?: string; chatId?: string }): void {
      const { params, success, fail } = methodArgs(options);
      handle('openEnterpriseChat', params, success, fail, () =>
        isRecord(params) && !isBlank(params.userIds)
          ? { ok: true, res: { err_msg: 'openEnterpriseChat:ok' } }
          : { ok: false, res: { err_msg: 'openEnterpriseChat:fail userIds is empty' } },
      );
    },

    previewImage(options: HostCallbacks & { current?: string; urls: string[] }): void {
      const { params, success, fail } = methodArgs(options);
      handle('previewImage', params, success, fail, () =>
        isRecord(params) && Array.isArray(params.urls) && params.urls.length > 0
          ? { ok: true, res: { err_msg: 'previewImage:ok' } }
          : { ok: false, res: { err_msg: 'previewImage:fail urls is empty' } },
      );
    },

    get calls() {
      return calls.slice();
    },
    get sent() {
      return sent.slice();
    },
    get chats() {
      return chats.map((chat) => copy(chat));
    },
    get currentChat() {
      return copy(chats[current] as SimulatedChat);
    },
    get listenerCount() {
      return armed.length;
    },

    callCount(api?: HostApi): number {
      return api === undefined ? calls.length : calls.filter((call) => call.api === api).length;
    },

    clearCalls(): void {
      calls.length = 0;
    },

    switchChat(chat: number | string): void {
      const next = findChat(chats, chat);
      previousChat = copy(chats[current] as SimulatedChat);
      staleReads = staleLimit;
      staleLeft.clear();
      for (const [api, fault] of faults) if (fault.kind === 'stale') staleLeft.set(api, fault.count);
      current = next;
      fireListeners();
    },

    updateChat(patch: Partial<SimulatedChat>): void {
      chats[current] = { ...(chats[current] as SimulatedChat), ...copy(patch) };
      fireListeners();
    },

    setChats(next: SimulatedChat[], chat: number | string = 0): void {
      const replaced = checkChats(next);
      current = findChat(replaced, chat);
      chats = replaced;
      previousChat = undefined;
      staleReads = 0;
      staleLeft.clear();
    },

    setFault(api: HostApi, fault: SimulatedFault | undefined): void {
      if (fault) faults.set(api, checkFault(fault));
      else faults.delete(api);
    },

    setLatency(ms: number): void {
      latency = checkLatency(ms);
    },

    onCall(listener: (call: SimulatedHostCall) => void): () => void {
      callListeners.add(listener);
      return () => {
        callListeners.delete(listener);
      };
    },

    uninstall(): void {
      const g = globalThis as { juziWx?: unknown };
      if (g.juziWx === host) delete g.juziWx;
    },
  };
  return host;
}

/** Creates a simulated host and puts it on `globalThis.juziWx` (never `wx`). */
export function installSimulatedHost(options?: SimulatedHostOptions): SimulatedHost {
  const host = createSimulatedHost(options);
  (globalThis as { juziWx?: unknown }).juziWx = host;
  return host;
}
