import type * as z from 'zod/mini';
import { CallLog, type BridgeDiagnostics, type CallListener } from './diagnostics.js';
import { JuziError } from './errors.js';
import {
  callHostMethod,
  invokeHost,
  listenForSwitch,
  resolveHost,
  type HostApi,
  type InvokeApi,
  type MethodApi,
  type HostResponse,
  type HostSource,
  type JuziHost,
} from './host.js';
import {
  ContactSchema,
  ExternalChatSchema,
  OpenEnterpriseChatSchema,
  PreviewImageSchema,
  SendMessageSchema,
  SidebarAuthSchema,
  parseChatInfo,
  toIssues,
  type ChatInfo,
  type OpenEnterpriseChatParams,
  type PreviewImageParams,
  type SendMessage,
} from './schemas.js';

export interface BridgeOptions {
  /** A host object, or a function that returns one (asked again until it does). Default: juzi-helper's `wx`, else `window.juziWx`. */
  host?: HostSource;
  /** How long a host call may take before it is a `timeout`, in ms (1 … 2,147,483,647). Default 10000. */
  timeout?: number;
  /** How long to wait for a host to appear before calls are `unavailable`, in ms (1 … 2,147,483,647). Default 5000. */
  readyTimeout?: number;
}

export type ContextStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The shared chat context: what every element renders from.
 *
 * - `idle`: nobody is watching (before the first subscriber, and again after the last
 *   one left: the chat may have switched unseen, so no chat is kept).
 * - `loading`: a read runs. `chat` is set only while it is still the current chat (a
 *   re-read on wake, focus or `refresh()`); after a chat switch it is absent.
 * - `ready`: `chat` is the current chat.
 * - `error`: the last read failed (`error`). `chat` is set when no switch was signalled
 *   since it was read (show it with a quiet notice); absent after a switch or when no
 *   chat was ever read (show the error).
 */
export interface ChatContext {
  readonly status: ContextStatus;
  /** The current chat as last read; absent when it may no longer be current (see above). */
  readonly chat?: ChatInfo;
  /** Why the last read failed (status `error`). */
  readonly error?: JuziError;
}

export type ContextListener = (context: ChatContext) => void;

/** How often to look for a host that is not there yet. */
const HOST_POLL_MS = 50;
/** Focus and visibility events come in bursts; one re-read serves a burst. */
const WAKE_DEBOUNCE_MS = 100;
/** Right after a switch the host may still answer the previous chat: read again after each of these. */
const STALE_RETRY_MS = [250, 500, 1000];
/** A listen the host refused is armed again after this. */
const LISTEN_RETRY_MS = 3000;
/** A listen answered sooner than this after it was armed is an acknowledgement, not a chat switch. */
const LISTEN_ACK_MS = 50;
/** A listen answered sooner than this is re-armed after a growing delay (from the first to the last). */
const LISTEN_QUICK_MS = 300;
const LISTEN_FIRST_DELAY_MS = 250;
const LISTEN_MAX_DELAY_MS = 8000;
/** Reads the store starts by itself (switches, stale re-reads): at most this many in the window. */
const READS_PER_WINDOW = 6;
const READ_WINDOW_MS = 3000;
/** `setTimeout` takes a signed 32-bit delay. */
const MAX_TIMEOUT_MS = 2147483647;
/** The previewer is native UI and a host may never call back: no answer by then counts as opened. */
const PREVIEW_GRACE_MS = 1000;

function validate<S extends z.ZodMiniType>(
  api: string,
  code: 'invalid-params' | 'invalid-response',
  schema: S,
  value: unknown,
): z.output<S> {
  let result: z.core.util.SafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(value) as z.core.util.SafeParseResult<z.output<S>>;
  } catch (cause) {
    // A hostile input (a throwing getter, a revoked proxy) is still just bad input.
    throw new JuziError(code, api, undefined, { issues: [{ path: [], message: String(cause) }], cause });
  }
  if (!result.success) throw new JuziError(code, api, undefined, { issues: toIssues(result.error.issues), cause: value });
  return result.data;
}

const joinIds = (ids: string | string[]) => (Array.isArray(ids) ? ids.join(';') : ids);

const sameChat = (a: ChatInfo | undefined, b: ChatInfo | undefined) =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

const noop = () => {};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A typed promise API over the juzi-helper host, plus the chat context every
 * element shares. Plain TypeScript, no DOM rendering; see `getBridge()` for the
 * page's shared instance.
 */
export class JuziBridge {
  #source: HostSource | undefined;
  #timeout = 10000;
  #readyTimeout = 5000;
  #host?: JuziHost;
  #lookup?: Promise<JuziHost | undefined>;
  /** Shared reads of this epoch, by API. */
  #reads = new Map<HostApi, Promise<unknown>>();
  #context: ChatContext = Object.freeze({ status: 'idle' });
  #listeners = new Set<ContextListener>();
  #refreshes = 0;
  #latest?: Promise<ChatInfo>;
  /** Bumped on every chat switch, wake and lapsed watch: answers from an older epoch never land. */
  #epoch = 0;
  /** The chat before the last switch, until a read answers something else (or retries run out). */
  #stale?: ChatInfo;
  /** Start times of the store's recent chat reads, for the read budget. */
  #readTimes: number[] = [];
  #listenArmed = false;
  #listenDelay = 0;
  #listenTimer?: ReturnType<typeof setTimeout>;
  #wakeTimer?: ReturnType<typeof setTimeout>;
  #calls = new CallLog();
  /** For diagnostics: a listen registered with the host now, and how many the host answered. */
  #listen = { armed: false, fired: 0 };

  constructor(options: BridgeOptions = {}) {
    this.#source = options.host;
    this.configure(options);
  }

  /** Changes the timeouts of this bridge (pages call it on the shared bridge). */
  configure(options: Pick<BridgeOptions, 'timeout' | 'readyTimeout'>): void {
    for (const key of ['timeout', 'readyTimeout'] as const) {
      const value = options[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !(value >= 1 && value <= MAX_TIMEOUT_MS)) {
        throw new JuziError('invalid-params', 'configure', undefined, {
          issues: [{ path: [key], message: `expected 1 … ${MAX_TIMEOUT_MS} ms, got ${String(value)}` }],
        });
      }
      if (key === 'timeout') this.#timeout = value;
      else this.#readyTimeout = value;
    }
  }

  /** Resolves once a host is found; rejects `unavailable` after `readyTimeout`. */
  async ready(): Promise<void> {
    await this.#hostFor('ready');
  }

  /** The current external contact's WeCom userId (single chats). */
  getCurExternalContact(): Promise<{ userId: string }> {
    return this.#read('getCurExternalContact', () => this.#invoke('getCurExternalContact', {}, ContactSchema));
  }

  /** The current external group's WeCom chatId (group chats). */
  getCurExternalChat(): Promise<{ chatId: string }> {
    return this.#read('getCurExternalChat', () => this.#invoke('getCurExternalChat', {}, ExternalChatSchema));
  }

  /** The current chat, normalised. Concurrent callers share one host call. */
  getCurChatInfo(): Promise<ChatInfo> {
    return this.#read('getCurChatInfo', () => this.#readChat());
  }

  /**
   * JS-SDK toolbar mode: asks the host for a single-use OAuth code without a redirect.
   * Never shared between callers: each code can be exchanged once.
   */
  async sidebarAuth(): Promise<{ code: string }> {
    return { code: (await this.#invoke('sidebarAuth', {}, SidebarAuthSchema)).data.baseInfo.code };
  }

  /** Sends one message to the current chat; refused with `invalid-params` before the host if malformed. */
  async sendChatMessage(message: SendMessage): Promise<void> {
    await this.#invoke('sendChatMessage', validate('sendChatMessage', 'invalid-params', SendMessageSchema, message));
  }

  /** Opens a chat with members (`userIds`), external contacts and/or a group. Arrays are sent joined with `;`. */
  async openEnterpriseChat(params: OpenEnterpriseChatParams): Promise<void> {
    const checked = validate('openEnterpriseChat', 'invalid-params', OpenEnterpriseChatSchema, params);
    const sent: { userIds: string; externalUserIds?: string; chatId?: string } = { userIds: joinIds(checked.userIds) };
    if (checked.externalUserIds !== undefined) sent.externalUserIds = joinIds(checked.externalUserIds);
    if (checked.chatId !== undefined) sent.chatId = checked.chatId;
    await this.#method('openEnterpriseChat', sent);
  }

  /**
   * Opens the host's image previewer on `current` (default: the first of `urls`).
   * Resolves when the host says ok, or when it has not answered within 1 s (a host
   * may never call back from its native previewer); a fail before then rejects.
   */
  async previewImage(params: PreviewImageParams): Promise<void> {
    const { urls, current } = validate('previewImage', 'invalid-params', PreviewImageSchema, params);
    await this.#method('previewImage', { current: current ?? urls[0], urls }, undefined, PREVIEW_GRACE_MS);
  }

  /** The shared chat context. */
  get context(): ChatContext {
    return this.#context;
  }

  /**
   * Calls `listener` on every context change; returns the unsubscribe function.
   * The first subscriber starts the first read and the watch for chat switches.
   * When the last one leaves, the watch lapses: the context goes back to `idle`,
   * and the next subscriber gets a fresh read, never the chat from before.
   */
  subscribe(listener: ContextListener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#startWatching();
    if (this.#context.status === 'idle') this.refresh().catch(noop);
    return () => {
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#stopWatching();
    };
  }

  /**
   * Re-reads the current chat into the context. A later refresh always wins over
   * an earlier one that answers late; a superseded call resolves with the newest.
   * A failure keeps the chat in the context unless a switch was signalled since.
   */
  refresh(): Promise<ChatInfo> {
    return this.#load(false);
  }

  /** One refresh; `paced` ones (started by the host's signals) keep to the read budget. */
  #load(paced: boolean): Promise<ChatInfo> {
    const turn = ++this.#refreshes;
    const epoch = this.#epoch;
    const { status, chat } = this.#context;
    if (status !== 'ready') this.#set({ status: 'loading', ...(chat && { chat }) });
    if (this.#listeners.size > 0) this.#armListen();
    const current = () => turn === this.#refreshes && epoch === this.#epoch;
    const outcome: Promise<ChatInfo> = this.#readSettled(current, paced).then(
      (next) => {
        if (turn !== this.#refreshes) return this.#latest as Promise<ChatInfo>;
        if (epoch === this.#epoch) {
          const before = this.#context.chat;
          this.#set({ status: 'ready', chat: next });
          // While the listen backs off a switch can go unheard, so the host may have answered the chat
          // from before one: a host-paced read that changed the chat is confirmed by one more.
          if (paced && this.#listenDelay > 0 && !sameChat(before, next)) {
            setTimeout(() => this.#listeners.size > 0 && this.#load(true).catch(noop), STALE_RETRY_MS[0]);
          }
        }
        return next;
      },
      (error: JuziError) => {
        if (turn !== this.#refreshes) return this.#latest as Promise<ChatInfo>;
        const last = this.#context.chat;
        if (epoch === this.#epoch) this.#set({ status: 'error', error, ...(last && { chat: last }) });
        throw error;
      },
    );
    this.#latest = outcome;
    return outcome;
  }

  /**
   * Reads the chat; while it is still the chat from before a switch, reads again
   * after each of `STALE_RETRY_MS` before accepting it. Stops early once `current()`
   * says a newer refresh or epoch took over.
   */
  async #readSettled(current: () => boolean, paced: boolean): Promise<ChatInfo> {
    for (let tries = 0; ; tries += 1) {
      for (let wait; (wait = this.#budget(paced || tries > 0)) > 0; ) await sleep(wait);
      const chat = await this.#read('getCurChatInfo', () => this.#readChat(), true);
      if (!current()) return chat;
      if (tries === STALE_RETRY_MS.length || !sameChat(chat, this.#stale)) {
        this.#stale = undefined;
        return chat;
      }
      await sleep(STALE_RETRY_MS[tries] as number);
      if (!current()) return chat;
    }
  }

  /**
   * Counts a chat read and returns 0, or (for a `paced` read over budget) returns
   * how long to wait before asking again.
   */
  #budget(paced: boolean): number {
    const now = Date.now();
    this.#readTimes = this.#readTimes.filter((t) => now - t <= READ_WINDOW_MS);
    const oldest = this.#readTimes[0];
    if (paced && oldest !== undefined && this.#readTimes.length >= READS_PER_WINDOW) return READ_WINDOW_MS + 1 - (now - oldest);
    this.#readTimes.push(now);
    return 0;
  }

  /**
   * A snapshot of what the bridge knows and did: which host it found and how, the
   * chat-switch listen, the context, and the last 100 host calls. Calls nothing.
   */
  diagnostics(): BridgeDiagnostics<ChatContext> {
    let host = this.#host;
    try {
      host ??= resolveHost(this.#source); // a look, not a call: the host may not be used yet
    } catch {
      // a throwing lookup is a host not there yet
    }
    const via = this.#source ? 'option' : (globalThis as { wx?: unknown }).wx === host ? 'wx' : 'juziWx';
    return {
      host: { found: !!host, via: host ? via : null, isJuziWx: host?.isJuziWx === true },
      listen: { ...this.#listen },
      context: this.#context,
      calls: this.#calls.calls(),
    };
  }

  /** Calls `listener` when a host call starts and when it settles (or answers late); returns the unsubscribe function. */
  onCall(listener: CallListener): () => void {
    return this.#calls.onCall(listener);
  }

  /** `invoke(api, params, cb)` on the host; the answer checked by `schema` when one is given. */
  #invoke<S extends z.ZodMiniType>(api: InvokeApi, params: object, schema?: S): Promise<z.output<S>> {
    return this.#calls.track(api, params, async (late) => {
      // A host already found is used as is: one promise less on every call.
      const res = await invokeHost(this.#host ?? (await this.#hostFor(api)), api, params, this.#timeout, late);
      return schema ? validate(api, 'invalid-response', schema, res) : (res as z.output<S>);
    });
  }

  /** `host[api]({ ...params, success, fail })`; the answer checked by `parse` when one is given; with `grace`, no answer by then counts as ok. */
  #method<T = HostResponse>(api: MethodApi, params: object, parse?: (res: HostResponse) => T, grace?: number): Promise<T> {
    return this.#calls.track(api, params, async (late) => {
      const res = await callHostMethod(this.#host ?? (await this.#hostFor(api)), api, params, this.#timeout, late, grace);
      return parse ? parse(res) : (res as T);
    });
  }

  #readChat(): Promise<ChatInfo> {
    return this.#method('getCurChatInfo', {}, readChatInfo);
  }

  /**
   * Concurrent reads of one API in one epoch share a host call; `fresh` starts a new
   * one that later callers share. A read never joins one from an older epoch.
   */
  #read<T>(api: HostApi, run: () => Promise<T>, fresh = false): Promise<T> {
    const pending = this.#reads.get(api) as Promise<T> | undefined;
    if (pending && !fresh) return pending;
    const call = run();
    this.#reads.set(api, call);
    const clear = () => {
      if (this.#reads.get(api) === call) this.#reads.delete(api);
    };
    call.then(clear, clear);
    return call;
  }

  async #hostFor(api: string): Promise<JuziHost> {
    const host = this.#host ?? (await (this.#lookup ??= this.#waitForHost()));
    if (!host) {
      throw new JuziError(
        'unavailable',
        api,
        `unavailable (no juzi-helper host within ${this.#readyTimeout} ms: open the page in the Juzi sidebar, or install the simulated host from juzi-elements/dev)`,
      );
    }
    return host;
  }

  /** The host may load after us: keep looking until `readyTimeout`. */
  #waitForHost(): Promise<JuziHost | undefined> {
    const deadline = Date.now() + this.#readyTimeout;
    return new Promise<JuziHost | undefined>((resolve) => {
      const look = () => {
        let host: JuziHost | undefined;
        try {
          host = resolveHost(this.#source);
        } catch {
          // A throwing lookup is a host not there yet.
        }
        if (host) {
          this.#host = host;
          resolve(host);
        } else if (Date.now() >= deadline) resolve(undefined);
        else setTimeout(look, HOST_POLL_MS);
      };
      look();
    }).finally(() => {
      this.#lookup = undefined;
    });
  }

  /** A new epoch: later reads share no call with earlier ones, whose answers no longer land. */
  #nextEpoch(): void {
    this.#epoch += 1;
    this.#reads.clear();
  }

  #set(next: ChatContext): void {
    const now = this.#context;
    if (now.status === next.status && now.error === next.error && sameChat(now.chat, next.chat)) return;
    this.#context = Object.freeze(next);
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#context);
      } catch (error) {
        console.error(error); // one broken subscriber must not starve the others
      }
    }
  }

  #startWatching(): void {
    this.#armListen();
    if (typeof document === 'undefined') return;
    document.addEventListener('visibilitychange', this.#onWake);
    window.addEventListener('focus', this.#onWake);
  }

  #stopWatching(): void {
    clearTimeout(this.#wakeTimer);
    clearTimeout(this.#listenTimer);
    this.#listenTimer = undefined;
    this.#listenDelay = 0;
    // Nobody watches now: a switch may pass unseen, so the chat is not kept.
    this.#nextEpoch();
    this.#stale = undefined;
    this.#context = Object.freeze({ status: 'idle' });
    if (typeof document === 'undefined') return;
    document.removeEventListener('visibilitychange', this.#onWake);
    window.removeEventListener('focus', this.#onWake);
  }

  #onWake = (): void => {
    if (document.visibilityState === 'hidden') return;
    clearTimeout(this.#wakeTimer);
    this.#wakeTimer = setTimeout(() => {
      this.#nextEpoch();
      this.refresh().catch(noop);
    }, WAKE_DEBOUNCE_MS);
  };

  /** Keeps one `updateBaseInfo` listen armed while anyone is subscribed. */
  #armListen(): void {
    if (this.#listenArmed || this.#listenTimer !== undefined) return;
    this.#listenArmed = true;
    this.#hostFor('updateBaseInfo').then(
      (host) => {
        const armedAt = Date.now();
        this.#listen.armed = true; // diagnostics (a host answering inside invoke clears it at once)
        const armed = listenForSwitch(host, (ok) => {
          this.#listenArmed = false;
          this.#listen = { armed: false, fired: this.#listen.fired + 1 }; // diagnostics
          if (!ok) {
            if (this.#listeners.size > 0) this.#rearmAfter(LISTEN_RETRY_MS, false);
            return;
          }
          this.#onSwitch(Date.now() - armedAt);
        });
        if (!armed) this.#listenArmed = false;
        if (!armed) this.#listen.armed = false; // diagnostics
      },
      () => {
        this.#listenArmed = false; // no host yet: the next refresh arms it
      },
    );
  }

  /** Arms the listen again after `ms` (while anyone is subscribed), and then re-reads when `read` says so. */
  #rearmAfter(ms: number, read: boolean): void {
    const rearm = () => {
      this.#listenTimer = undefined;
      if (this.#listeners.size === 0) return;
      this.#armListen();
      if (!read) return;
      // A switch may have gone unheard while the listen was down: an answer that is still the chat shown is read again.
      this.#stale = this.#context.chat ?? this.#stale;
      this.#load(true).catch(noop);
    };
    if (ms === 0) rearm();
    else this.#listenTimer = setTimeout(rearm, ms);
  }

  /**
   * The listen fired `held` ms after it was armed. A new epoch either way. A real
   * switch empties the context and reads now; an instant answer (a host that acks
   * instead of waiting) only re-reads when the listen is armed again. Quick answers
   * back off: the delay doubles from 250 ms to 8 s, and a switch missed in between is
   * caught by the read that comes with the re-arm.
   */
  #onSwitch(held: number): void {
    this.#nextEpoch();
    if (this.#listeners.size === 0) return; // the watch lapsed: the next subscriber reads afresh
    this.#stale = this.#context.chat ?? this.#stale;
    this.#listenDelay =
      held < LISTEN_QUICK_MS ? Math.min(Math.max(this.#listenDelay * 2, LISTEN_FIRST_DELAY_MS), LISTEN_MAX_DELAY_MS) : 0;
    const ack = held < LISTEN_ACK_MS;
    if (!ack) {
      this.#set({ status: 'loading' });
      this.#load(true).catch(noop);
    }
    this.#rearmAfter(this.#listenDelay, this.#listenDelay > 0);
  }
}

function readChatInfo(res: HostResponse): ChatInfo {
  const parsed = parseChatInfo(unwrapData(res));
  if ('issues' in parsed) throw new JuziError('invalid-response', 'getCurChatInfo', undefined, { issues: parsed.issues, cause: res });
  return parsed.chat;
}

/** Some host builds wrap the chat in `data`; accept both. */
function unwrapData(res: HostResponse): unknown {
  const { data } = res;
  return !('name' in res) && typeof data === 'object' && data !== null ? data : res;
}
