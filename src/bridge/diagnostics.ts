/**
 * Bridge diagnostics: what the host did, for pages that run where there is no
 * console (the WeCom / Juzi client). Always on, so it must stay cheap: one small
 * object per host call in a fixed ring, and no copying unless someone listens.
 */
import type { JuziError, JuziErrorCode } from './errors.js';

/** How many calls `diagnostics()` keeps. */
export const CALL_HISTORY = 100;

/** Which object the bridge uses as its host: juzi-helper's patched `wx`, `window.juziWx`, or the `host` option. */
export type HostVia = 'wx' | 'juziWx' | 'option' | null;

/** One host call as the bridge saw it. */
export interface CallRecord {
  /** Counts up from 1 per bridge. */
  readonly id: number;
  /** The host API, e.g. `getCurChatInfo`. */
  readonly api: string;
  /** What was sent to the host (without its call-backs). */
  readonly params: unknown;
  /** When the call started (`Date.now()`). */
  readonly startedAt: number;
  /** How long it took to settle, in ms; absent while pending. */
  readonly ms?: number;
  /** `pending`, `ok`, or the `JuziError` code it failed with. */
  readonly outcome: 'pending' | 'ok' | JuziErrorCode;
  /** The host's own words for a failure. */
  readonly errMsg?: string;
  /** The failure as the bridge reported it (the `JuziError` message). */
  readonly message?: string;
  /** What the host answered (also a failure's or a late answer's). */
  readonly answer?: unknown;
  /** True when the host answered after the call had already ended (a timeout): that answer was not used. */
  readonly late?: boolean;
  /** When the late answer came, in ms after the start. */
  readonly lateMs?: number;
}

export type CallListener = (call: CallRecord) => void;

/** What `bridge.diagnostics()` returns: a snapshot, safe to keep or change. */
export interface BridgeDiagnostics<Context = unknown> {
  /** Whether a host is there, which object it is, and whether it is a `wx` patched by juzi-helper. */
  host: { found: boolean; via: HostVia; isJuziWx: boolean };
  /** Whether a chat-switch listen (`updateBaseInfo`) is registered with the host, and how often the host answered one. */
  listen: { armed: boolean; fired: number };
  /** The chat context at this moment. */
  context: Context;
  /** The last 100 host calls, oldest first. */
  calls: CallRecord[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The host calls of one bridge. */
export class CallLog {
  /** A fixed ring: call `id` sits at `id % CALL_HISTORY`, so the oldest is overwritten, nothing is shifted. */
  #ring: Mutable<CallRecord>[] = [];
  #ids = 0;
  #listeners = new Set<CallListener>();

  /**
   * Records one host call made by `run`, which gets the hook for a late answer
   * (for `callHost`). The call's result is recorded as its answer.
   */
  track<T>(api: string, params: unknown, run: (late: (answer: unknown) => void) => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    const call: Mutable<CallRecord> = { id: ++this.#ids, api, params, startedAt, outcome: 'pending' };
    this.#ring[call.id % CALL_HISTORY] = call;
    const update = (change: Partial<CallRecord>) => {
      Object.assign(call, change);
      for (const listener of this.#listeners) {
        try {
          listener({ ...call });
        } catch (error) {
          console.error(error); // a broken listener must not break the call
        }
      }
    };
    update({});
    const done = run((answer) => call.late || update({ late: true, lateMs: Date.now() - startedAt, answer }));
    done.then(
      (answer) => update({ outcome: 'ok', ms: Date.now() - startedAt, answer }),
      // Everything the host-call helpers reject with is a JuziError; its cause is the host's answer.
      ({ code, errMsg, message, cause }: JuziError) =>
        update({ outcome: code, ms: Date.now() - startedAt, errMsg, message, answer: cause }),
    );
    return done;
  }

  /** The recorded calls, oldest first, as copies. */
  calls(): CallRecord[] {
    // filter() skips the holes of a ring not yet full
    return this.#ring.filter(() => true).map((call) => ({ ...call })).sort((a, b) => a.id - b.id);
  }

  /** Calls `listener` with a copy of the record when a call starts, settles, or is answered late. */
  onCall(listener: CallListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** What the page has of the host and of the WeChat / WeCom JS-SDK, read without calling anything. */
export interface HostGlobals {
  /** `window.wx` exists. */
  wx: boolean;
  /** `window.wx.isJuziWx === true` (juzi-helper has patched it). */
  wxPatched: boolean;
  /** `window.juziWx` exists. */
  juziWx: boolean;
  /** jweixin (the WeChat JS-SDK: `jWeixin`, or a `wx` with `config()`) or WeCom's `ww` is loaded. */
  jssdk: boolean;
}

/** Reads the page's host globals. Never throws, never calls the host. */
export function hostGlobals(): HostGlobals {
  const g = globalThis as { wx?: { isJuziWx?: unknown; config?: unknown }; juziWx?: unknown; jWeixin?: unknown; ww?: unknown };
  try {
    const wx = typeof g.wx === 'object' && g.wx !== null;
    return {
      wx,
      wxPatched: wx && g.wx!.isJuziWx === true,
      juziWx: g.juziWx !== undefined && g.juziWx !== null,
      jssdk: g.jWeixin !== undefined || g.ww !== undefined || (wx && typeof g.wx!.config === 'function'),
    };
  } catch {
    return { wx: false, wxPatched: false, juziWx: false, jssdk: false };
  }
}
