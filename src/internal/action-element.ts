import { property, state } from 'lit/decorators.js';
import type { JuziError } from '../bridge/errors.js';
import type { JuziErrorDetail } from '../events.js';
import { JuziElement } from './juzi-element.js';

/** How an action reports its outcome once the host has answered. */
export interface ActionOutcome<T, R> {
  /** Announced when the host accepted. */
  done: string;
  /** Leads the announcement when it failed (followed by the reason). */
  failed: string;
  /** Runs after success: fire the outcome event, return what `send()` / `open()` resolve with. */
  then: (value: T) => R;
  /** Extra `juzi-error` detail, e.g. the message a failed send carried. */
  errorDetail?: Omit<JuziErrorDetail, 'error'>;
}

/**
 * An element that performs one host action on activation (send, open, preview):
 * `disabled`, a reflected `busy` while the host works, at most one action at a
 * time, and a polite announcement of the outcome.
 */
export class JuziActionElement extends JuziElement {
  /** Stops the element from acting. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** True while the host is working on this element's action; set by the element (reflected for CSS). */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** The sentence the live region speaks: the last outcome. */
  @state() protected announcement = '';

  #pending?: Promise<unknown>;

  /** The action in flight, which a second activation joins instead of starting another. */
  protected get pending(): Promise<unknown> | undefined {
    return this.#pending;
  }

  /**
   * Runs `work` (the host call) unless an action is pending, in which case the pending
   * one is returned. The element is ready again (not busy, nothing pending) before the
   * outcome is reported, so a `juzi-error` listener can retry at once.
   */
  protected exclusive<T, R>(work: () => Promise<T>, outcome: ActionOutcome<T, R>): Promise<R> {
    if (this.#pending) return this.#pending as Promise<R>;
    this.busy = true;
    this.announcement = '';
    const settle = () => {
      this.#pending = undefined;
      this.busy = false;
    };
    const run = Promise.resolve()
      .then(work)
      .then(
        (value) => {
          settle();
          this.announcement = outcome.done;
          return outcome.then(value);
        },
        (error: unknown) => {
          settle();
          const juziError: JuziError = this.emitError(error, outcome.errorDetail);
          this.announcement = this.t.failedBecause(outcome.failed, this.describeError(juziError));
          throw juziError;
        },
      );
    this.#pending = run;
    return run;
  }
}
