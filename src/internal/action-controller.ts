import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { JuziError } from '../bridge/errors.js';
import { JuziErrorEvent, type JuziErrorDetail } from '../events.js';
import { toJuziError } from './errors.js';
import { messages, wordsOf } from './i18n.js';

/** Where one keyed action stands: in flight, or how it last ended. */
export type ActionStatus = 'pending' | 'done' | 'failed';

/** The state of one keyed action (a row of a list, or the element's one action under key `''`). */
export interface ActionState {
  readonly status: ActionStatus;
  /** Why it failed (status `failed`). */
  readonly error?: JuziError;
}

/** What an action does around its work, and how it reports the outcome. */
export interface ActionOutcome<T, R> {
  /**
   * Runs once the action is pending, before the work: return false to cancel (nothing is
   * announced or reported; `run()` resolves undefined). Where a cancelable `juzi-before-*`
   * is dispatched, so a listener that activates the element again joins this action.
   */
  before?: () => boolean;
  /** Runs once the host has answered and the element is ready again; what it returns is what `run()` resolves with (default: the work's value). */
  then?: (value: T) => R;
  /** Announced when the work succeeded (default nothing). */
  done?: string | ((value: T) => string);
  /** Leads the announcement when it failed (followed by the reason). */
  failed: string;
  /** The outcome event to dispatch after success, if any. */
  event?: (value: T) => Event | undefined;
  /** Extra `juzi-error` detail, e.g. the message a failed send carried. */
  errorDetail?: Omit<JuziErrorDetail, 'error'>;
}

/** Turns a failure into the reason the live region speaks, in the element's language. */
export type DescribeError = (error: JuziError) => string;

/**
 * Owns acting for an element: one action at a time, `busy` while it is in flight, the
 * outcome per key (for a list whose rows act) and the sentence its polite live region
 * speaks, `juzi-error` on failure, and an AbortSignal that aborts when the element is
 * removed.
 *
 * An outcome always reaches the page: an element removed while its action was pending
 * (an SPA view unmounted mid-send) dispatches the outcome event on itself and, since a
 * detached node's events reach no document listener, the same event again on the
 * document it was in when the action started (`event.target` is then that document).
 *
 * ```ts
 * readonly #action = new ActionController(this, (error) => this.describeError(error));
 * send() {
 *   return this.#action.run((signal) => bridge.sendChatMessage(message), {
 *     failed: t.sendFailed, done: t.sent, event: () => new JuziSentEvent({ message }),
 *   });
 * }
 * ```
 */
export class ActionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #describe: DescribeError;
  readonly #states = new Map<string, ActionState>();
  #pending?: Promise<unknown>;
  #pendingKey?: string;
  #abort?: AbortController;
  #announcement = '';

  constructor(host: ReactiveControllerHost & HTMLElement, describe: DescribeError) {
    this.#host = host;
    this.#describe = describe;
    host.addController(this);
  }

  /** True while an action is in flight. */
  get busy(): boolean {
    return this.#pending !== undefined;
  }

  /** The action in flight, which a second activation joins instead of starting another. */
  get pending(): Promise<unknown> | undefined {
    return this.#pending;
  }

  /** The key of the action in flight. */
  get pendingKey(): string | undefined {
    return this.#pendingKey;
  }

  /** The sentence for the element's polite live region: the last outcome ('' while one is pending). */
  get announcement(): string {
    return this.#announcement;
  }

  /** Where the action under `key` stands, or undefined before its first run. */
  state(key = ''): ActionState | undefined {
    return this.#states.get(key);
  }

  /** Forgets every outcome (e.g. when the list they belong to changes). */
  clear(): void {
    for (const key of [...this.#states.keys()]) if (key !== this.#pendingKey) this.#states.delete(key);
    this.#host.requestUpdate();
  }

  /**
   * Runs `work` (the host call) as the element's one action, keyed `key` for `state()`.
   * While an action is pending, returns the pending one instead (whatever its key): a
   * second activation never starts a second call. The element is ready again (not busy,
   * nothing pending) before the outcome is reported, so a listener can act again at once.
   * Rejects with the JuziError that `juzi-error` reported; a work that stops because the
   * element was removed (rejecting with the signal's reason) is reported to no one.
   */
  run<T, R = T>(work: (signal: AbortSignal) => Promise<T>, outcome: ActionOutcome<T, R>, key = ''): Promise<R | undefined> {
    if (this.#pending) return this.#pending as Promise<R | undefined>;
    const host = this.#host;
    const abort = new AbortController();
    const { signal } = abort;
    // A removed element's events reach no page listener: this is where its outcome goes then.
    const page = host.isConnected ? host.ownerDocument : undefined;
    const report = (event: () => Event | undefined) => {
      const dispatched = event();
      if (!dispatched) return;
      host.dispatchEvent(dispatched);
      if (page && !host.isConnected) page.dispatchEvent(event()!);
    };
    // A cancelled or stopped action leaves the row and the live region as they were.
    const before = this.#states.get(key);
    const said = this.#announcement;
    const settle = (state?: ActionState) => {
      this.#pending = this.#pendingKey = this.#abort = undefined;
      if (state) this.#states.set(key, state);
      else {
        this.#announcement = said;
        if (before) this.#states.set(key, before);
        else this.#states.delete(key);
      }
      host.requestUpdate();
    };

    const succeeded = (value: T): R => {
      settle({ status: 'done' });
      const result = outcome.then ? outcome.then(value) : (value as unknown as R);
      const { done = '' } = outcome;
      this.#announcement = typeof done === 'function' ? done(value) : done;
      if (outcome.event) report(() => outcome.event!(value));
      return result;
    };
    const failed = (error: unknown): never => {
      if (signal.aborted && error === signal.reason) {
        settle();
        throw error;
      }
      const juziError = toJuziError(error, host.localName);
      settle({ status: 'failed', error: juziError });
      this.#announcement = wordsOf(host, messages).failedBecause(outcome.failed, this.#describe(juziError));
      report(() => new JuziErrorEvent({ error: juziError, ...outcome.errorDetail }));
      throw juziError;
    };

    let finish!: (outcome: Promise<R> | undefined) => void;
    const run = new Promise<R | undefined>((resolve) => (finish = resolve));
    this.#abort = abort;
    this.#pendingKey = key;
    this.#pending = run;
    this.#states.set(key, { status: 'pending' });
    this.#announcement = '';
    host.requestUpdate();
    // Pending already, so whatever `before()` dispatches finds the element busy and joins this action.
    let proceed = false;
    try {
      proceed = outcome.before?.() ?? true;
    } finally {
      if (!proceed) settle();
      // The work starts at once (a removal later in this task finds it started), its throw a rejection.
      finish(proceed ? new Promise<T>((resolve) => resolve(work(signal))).then(succeeded, failed) : undefined);
    }
    return run;
  }

  hostDisconnected(): void {
    this.#abort?.abort(new DOMException('The element was removed while its action was pending.', 'AbortError'));
  }
}
