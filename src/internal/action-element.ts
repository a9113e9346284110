import { property, state } from 'lit/decorators.js';
import { JuziElement } from './juzi-element.js';

/**
 * An element that performs one host action on activation (send, open, preview):
 * `disabled`, a reflected `busy` while the host works, at most one action at a
 * time, and a polite announcement of the outcome.
 */
export class JuziActionElement extends JuziElement {
  /** Stops the element from acting. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** True while the host is working on this element's action (reflected for CSS). */
  @property({ type: Boolean, reflect: true }) busy = false;

  /** The sentence the live region speaks: the last outcome. */
  @state() protected announcement = '';

  #pending?: Promise<unknown>;

  /**
   * Runs `action` unless one is pending, in which case the pending one is returned:
   * a second click while the host works never starts a second action.
   */
  protected exclusive<T>(action: () => Promise<T>): Promise<T> {
    if (this.#pending) return this.#pending as Promise<T>;
    this.busy = true;
    this.announcement = '';
    const run = action().finally(() => {
      this.#pending = undefined;
      this.busy = false;
    });
    this.#pending = run;
    return run;
  }
}
