import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatContext, JuziBridge } from '../bridge/bridge.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly activeBridge: JuziBridge };

/**
 * Keeps an element subscribed to its bridge's chat context while it is connected,
 * following the element to another bridge when its `bridge` property or context
 * provider changes. The element re-renders on every change.
 */
export class ChatContextController implements ReactiveController {
  /** The context as last seen. */
  context: ChatContext = { status: 'idle' };

  readonly #host: Host;
  readonly #onChange: (context: ChatContext) => void;
  #bridge?: JuziBridge;
  #unsubscribe?: () => void;

  constructor(host: Host, onChange: (context: ChatContext) => void = () => {}) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    // Subscribe on the next update, once properties and the context provider are known.
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const bridge = this.#host.activeBridge;
    if (bridge === this.#bridge) return;
    this.#unsubscribe?.();
    this.#bridge = bridge;
    this.#unsubscribe = bridge.subscribe((context) => this.#set(context));
    this.#set(bridge.context);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#bridge = undefined;
  }

  #set(context: ChatContext): void {
    if (context === this.context) return;
    this.context = context;
    this.#onChange(context);
    this.#host.requestUpdate();
  }
}
