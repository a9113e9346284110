/**
 * The host adapter: the only code that touches juzi-helper's `wx` / `window.juziWx`.
 * It finds the host, calls it the way it serves each API, and turns every way a
 * call-back API can misbehave (fail, throw, answer twice, never answer) into one
 * settled promise.
 */
import { watchDeadline } from './deadlines.js';
import { JuziError } from './errors.js';

/** What the host passes to a call-back: `err_msg` plus the API's own fields. */
export type HostResponse = Record<string, unknown> & { err_msg?: string; errMsg?: string };
export type HostCallback = (res: HostResponse) => void;

export interface HostCallbacks {
  success?: HostCallback;
  fail?: HostCallback;
}

/** APIs the host serves through `invoke(api, params, callback)`. */
export type InvokeApi =
  | 'getCurExternalContact'
  | 'getCurExternalChat'
  | 'sendChatMessage'
  | 'sendMultiChatMessage'
  | 'sidebarAuth'
  | 'updateBaseInfo';

/** APIs the host serves as object methods taking `{ ...params, success, fail }`. */
export type MethodApi = 'getCurChatInfo' | 'openEnterpriseChat' | 'previewImage';

export type HostApi = InvokeApi | MethodApi;

/** The shape of juzi-helper's patched `wx` (and of `window.juziWx`). */
export interface JuziHost {
  /** `true` on a `wx` that juzi-helper has patched. */
  isJuziWx?: boolean;
  invoke(api: InvokeApi, params: object, callback: HostCallback): void;
  getCurChatInfo(options: HostCallbacks): void;
  openEnterpriseChat(options: HostCallbacks & { userIds: string; externalUserIds?: string; chatId?: string }): void;
  previewImage(options: HostCallbacks & { current?: string; urls: string[] }): void;
}

/** A host object, or a function that looks one up (called again until it returns one). */
export type HostSource = JuziHost | (() => JuziHost | null | undefined);

/**
 * juzi-helper's own rule: `wx` once it is patched, else `window.juziWx`; on this window,
 * else on the parent window when it is same-origin (a micro-frontend host such as wujie runs
 * the page's scripts in an iframe of the page juzi-helper patched).
 */
export function findPageHost(): JuziHost | undefined {
  const self = globalThis as HostGlobals;
  const here = hostOn(self);
  if (here || self.parent === self) return here;
  try {
    return hostOn(self.parent);
  } catch {
    return undefined; // a cross-origin parent: not ours to read
  }
}

type HostGlobals = { wx?: Partial<JuziHost>; juziWx?: JuziHost; parent?: HostGlobals };
const hostOn = (g: HostGlobals | undefined) => (g?.wx?.isJuziWx === true ? (g.wx as JuziHost) : (g?.juziWx ?? undefined));

export function resolveHost(source: HostSource | undefined): JuziHost | undefined {
  const host = typeof source === 'function' ? source() : (source ?? findPageHost());
  return host && typeof host === 'object' ? host : undefined;
}

const isObject = (value: unknown): value is HostResponse =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The host's words for a failure, whatever it handed us. */
function hostWords(res: unknown): string | undefined {
  if (res instanceof Error) return res.message;
  if (isObject(res)) {
    if (typeof res.err_msg === 'string') return res.err_msg;
    return typeof res.errMsg === 'string' ? res.errMsg : undefined; // jweixin's key
  }
  return res === undefined ? undefined : String(res);
}

/**
 * Runs one host call and settles exactly once: the first call-back wins, later ones
 * are ignored; no answer within `timeout` ms is a `timeout`, or, with `grace`, no
 * answer within `grace` ms counts as success (an empty answer).
 * `start` receives `ok` and `fail` and must hand them to the host.
 * `onLate` hears an answer that comes after the timeout or the grace (for diagnostics; it is not used).
 */
export function callHost(
  api: HostApi,
  timeout: number,
  start: (ok: HostCallback, fail: HostCallback) => void,
  isSuccess: (res: HostResponse) => boolean = () => true,
  onLate?: (res: unknown) => void,
  grace?: number,
): Promise<HostResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      unwatch();
      outcome();
    };
    const hostFail = (res: unknown) =>
      reject(new JuziError('host-fail', api, undefined, { errMsg: hostWords(res), cause: res }));
    const fail = (res: unknown) => settle(() => hostFail(res));
    const ok = (res: unknown) =>
      settle(() => {
        const body = res ?? {};
        if (!isObject(body)) {
          return reject(
            new JuziError('invalid-response', api, undefined, {
              issues: [{ path: [], message: `expected an object, got ${JSON.stringify(res) ?? typeof res}` }],
            }),
          );
        }
        if (isSuccess(body)) resolve(body);
        else hostFail(body);
      });
    const unwatch = watchDeadline(grace ?? timeout, () =>
      settle(
        grace === undefined
          ? () => reject(new JuziError('timeout', api, `timeout (no answer within ${timeout} ms)`))
          : () => resolve({}),
      ),
    );
    // diagnostics: the first answer after the call ended without one (a timeout) is reported, then ignored as before
    let answered = false;
    const heard =
      (answer: (res: unknown) => void): HostCallback =>
      (res) => {
        if (settled && !answered) onLate?.(res);
        answered = true;
        answer(res);
      };
    try {
      start(heard(ok), heard(fail));
    } catch (error) {
      fail(error);
    }
  });
}

/** `invoke(api, params, cb)`; success is `err_msg === '<api>:ok'`. */
export function invokeHost(
  host: JuziHost,
  api: InvokeApi,
  params: object,
  timeout: number,
  onLate?: (res: unknown) => void,
): Promise<HostResponse> {
  return callHost(
    api,
    timeout,
    (ok) => host.invoke(api, params, ok),
    (res) => hostWords(res) === `${api}:ok`,
    onLate,
  );
}

/** `host[api]({ ...params, success, fail })`; with `grace`, no answer by then counts as ok. */
export function callHostMethod(
  host: JuziHost,
  api: MethodApi,
  params: object,
  timeout: number,
  onLate?: (res: unknown) => void,
  grace?: number,
): Promise<HostResponse> {
  const start = (success: HostCallback, fail: HostCallback) => {
    const method = host[api] as unknown;
    if (typeof method !== 'function') throw new Error(`the host has no ${api}()`);
    (method as (options: object) => void).call(host, { ...params, success, fail });
  };
  return callHost(api, timeout, start, undefined, onLate, grace);
}

/**
 * Arms one `updateBaseInfo` listen. The host calls back once, on the next chat
 * switch, and then forgets the call-back: the caller must arm it again.
 * Returns false when the host would not take it.
 */
export function listenForSwitch(host: JuziHost, onSwitch: (ok: boolean) => void): boolean {
  let answered = false;
  try {
    host.invoke('updateBaseInfo', { reqType: 'listen' }, (res) => {
      if (answered) return;
      answered = true;
      onSwitch(isObject(res) && hostWords(res) === 'updateBaseInfo:ok');
    });
    return true;
  } catch {
    return false;
  }
}
