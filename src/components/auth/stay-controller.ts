import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a page that set out for another URL may stay visible before it counts as staying. */
export const STAY_DELAY_MS = 3000;

/**
 * Notices that a page which set out for another URL is still here: a navigation that
 * returned without leaving (opened elsewhere, blocked) once the page has been visible
 * `STAY_DELAY_MS` later, or a back-forward-cache restore (`pageshow` persisted). Then it
 * calls `onStay`, once per `watch()`, so the host can stop showing "on the way".
 */
export class StayController implements ReactiveController {
  readonly #onStay: () => void;
  #watching = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, onStay: () => void) {
    this.#onStay = onStay;
    host.addController(this);
  }

  /** True from `watch()` until the page is found to have stayed. */
  get watching(): boolean {
    return this.#watching;
  }

  /** Starts watching, right after the page was sent elsewhere. */
  watch(): void {
    this.#watching = true;
    this.#arm();
  }

  hostConnected(): void {
    addEventListener('pageshow', this.#handlePageShow);
    if (this.#watching) this.#arm();
  }

  hostDisconnected(): void {
    removeEventListener('pageshow', this.#handlePageShow);
    this.#disarm();
  }

  #arm(): void {
    this.#disarm();
    this.#timer = setTimeout(() => {
      // A hidden page may be unloading, or showing what was opened elsewhere: decide when it is seen again.
      if (document.visibilityState === 'visible') this.#stayed();
      else document.addEventListener('visibilitychange', this.#handleVisibility);
    }, STAY_DELAY_MS);
  }

  #disarm(): void {
    clearTimeout(this.#timer);
    document.removeEventListener('visibilitychange', this.#handleVisibility);
  }

  #stayed(): void {
    if (!this.#watching) return;
    this.#watching = false;
    this.#disarm();
    this.#onStay();
  }

  #handleVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#stayed();
  };

  #handlePageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.#stayed();
  };
}
