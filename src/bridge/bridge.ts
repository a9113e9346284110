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
  /** How long a host call may take before it is a `timeout`, in ms. Default 10000. */
  timeout?: number;
  /** How long to wait for a host to appear before calls are `unavailable`, in ms. Default 5000. */
  readyTimeout?: number;
}

export type ContextStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The shared chat context: what every element renders from. */
export interface ChatContext {
  readonly status: ContextStatus;
  /** The last chat read; kept while a refresh runs or after it fails. */
  readonly chat?: ChatInfo;
  /** Why the last read failed (status `error`). */
  readonly error?: JuziError;
}

export type ContextListener = (context: ChatContext) => void;

/** How often to look for a host that is not there yet. */
const HOST_POLL_MS = 50;
/** Focus and visibility events come in bursts; one re-read serves a burst. */
const WAKE_DEBOUNCE_MS = 100;
/** Right after a switch the host may still answer the previous chat; read once more after this. */
const SWITCH_SETTLE_MS = 300;
/** A listen the host refused is armed again after this. */
const LISTEN_RETRY_MS = 3000;

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
  #reads = new Map<HostApi, Promise<unknown>>();
  #context: ChatContext = Object.freeze({ status: 'idle' });
  #listeners = new Set<ContextListener>();
  #refreshes = 0;
  #latest?: Promise<ChatInfo>;
  #listenArmed = false;
  /** A chat switch came while nobody was subscribed: the next subscriber must not get the old chat. */
  #missedSwitch = false;
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
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
        throw new JuziError('invalid-params', 'configure', undefined, {
          issues: [{ path: [key], message: `expected a positive number of ms, got ${String(value)}` }],
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

  /** Opens the host's image previewer on `current` (default: the first of `urls`). */
  async previewImage(params: PreviewImageParams): Promise<void> {
    const { urls, current } = validate('previewImage', 'invalid-params', PreviewImageSchema, params);
    await this.#method('previewImage', { current: current ?? urls[0], urls });
  }

  /** The shared chat context. */
  get context(): ChatContext {
    return this.#context;
  }

  /**
   * Calls `listener` on every context change; returns the unsubscribe function.
   * The first subscriber starts the first read and the watch for chat switches.
   */
  subscribe(listener: ContextListener): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#startWatching();
    if (this.#context.status === 'idle' || (this.#listeners.size === 1 && this.#missedSwitch)) this.refresh().catch(noop);
    return () => {
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#stopWatching();
    };
  }

  /**
   * Re-reads the current chat into the context. A later refresh always wins over
   * an earlier one that answers late; a superseded call resolves with the newest.
   */
  refresh(): Promise<ChatInfo> {
    const turn = ++this.#refreshes;
    this.#missedSwitch = false;
    const { status, chat } = this.#context;
    if (status !== 'ready') this.#set({ status: 'loading', ...(chat && { chat }) });
    if (this.#listeners.size > 0) this.#armListen();
    const read = this.#read('getCurChatInfo', () => this.#readChat(), true);
    const outcome: Promise<ChatInfo> = read.then(
      (next) => {
        if (turn !== this.#refreshes) return this.#latest as Promise<ChatInfo>;
        this.#set({ status: 'ready', chat: next });
        return next;
      },
      (error: JuziError) => {
        if (turn !== this.#refreshes) return this.#latest as Promise<ChatInfo>;
        const last = this.#context.chat;
        this.#set({ status: 'error', error, ...(last && { chat: last }) });
        throw error;
      },
    );
    this.#latest = outcome;
    return outcome;
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
      const res = await invokeHost(await this.#hostFor(api), api, params, this.#timeout, late);
      return schema ? validate(api, 'invalid-response', schema, res) : (res as z.output<S>);
    });
  }

  /** `host[api]({ ...params, success, fail })`; the answer checked by `parse` when one is given. */
  #method<T = HostResponse>(api: MethodApi, params: object, parse?: (res: HostResponse) => T): Promise<T> {
    return this.#calls.track(api, params, async (late) => {
      const res = await callHostMethod(await this.#hostFor(api), api, params, this.#timeout, late);
      return parse ? parse(res) : (res as T);
    });
  }

  #readChat(): Promise<ChatInfo> {
    return this.#method('getCurChatInfo', {}, readChatInfo);
  }

  /** Concurrent reads of one API share a host call; `fresh` starts a new one that later callers share. */
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
    if (typeof document === 'undefined') return;
    document.removeEventListener('visibilitychange', this.#onWake);
    window.removeEventListener('focus', this.#onWake);
  }

  #onWake = (): void => {
    if (document.visibilityState === 'hidden') return;
    clearTimeout(this.#wakeTimer);
    this.#wakeTimer = setTimeout(() => this.refresh().catch(noop), WAKE_DEBOUNCE_MS);
  };

  /** Keeps one `updateBaseInfo` listen armed while anyone is subscribed. */
  #armListen(): void {
    if (this.#listenArmed) return;
    this.#listenArmed = true;
    this.#hostFor('updateBaseInfo').then(
      (host) => {
        this.#listen.armed = true; // diagnostics (a host answering inside invoke clears it at once)
        const armed = listenForSwitch(host, (ok) => {
          this.#listenArmed = false;
          this.#listen = { armed: false, fired: this.#listen.fired + 1 }; // diagnostics
          if (this.#listeners.size === 0) {
            this.#missedSwitch = true;
            return;
          }
          if (!ok) {
            setTimeout(() => this.#listeners.size > 0 && this.#armListen(), LISTEN_RETRY_MS);
            return;
          }
          this.#armListen();
          this.#onSwitch();
        });
        if (!armed) this.#listenArmed = false;
        if (!armed) this.#listen.armed = false; // diagnostics
      },
      () => {
        this.#listenArmed = false; // no host yet: the next refresh arms it
      },
    );
  }

  #onSwitch(): void {
    const before = this.#context.chat?.id;
    this.refresh().then((chat) => {
      if (chat.id === before) setTimeout(() => this.refresh().catch(noop), SWITCH_SETTLE_MS);
    }, noop);
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
