import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What `renderActionButton` needs from the element that renders it. */
export interface ActionButtonView {
  /** The default label, shown until a label is slotted. */
  label: string;
  /** Whether the default slot holds only blank text (see `BlankLabelController`). */
  blankLabel: boolean;
  /** Whether the host is working on the element's action. */
  busy: boolean;
  /** Whether the element refuses to act. */
  disabled: boolean;
  /** The sentence the live region speaks. */
  announcement: string;
  /** Runs on activation; a stable function, so Lit does not re-bind it each render. */
  onClick: () => void;
}

/**
 * The markup every one-button acting element shares: one native button (so Enter,
 * Space and focus work without any script) and a polite live region beside it. The
 * region is rendered from the start because screen readers only announce changes to
 * a region that already exists.
 */
export function renderActionButton(view: ActionButtonView): TemplateResult {
  const { label } = view;
  return html`<button part="base" class="button" type="button" ?disabled=${view.disabled} aria-busy=${view.busy ? 'true' : 'false'} @click=${view.onClick}>${
      view.busy ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing
    }<span part="label" class="label"><slot>${label}</slot>${view.blankLabel ? label : nothing}</span></button
    ><span part="status" class="visually-hidden" role="status">${view.announcement}</span>`;
}

/**
 * Tracks whether the element's light DOM gives the default slot only blank text.
 * Markup such as `<juzi-send-button>⏎</juzi-send-button>`, or a framework's empty
 * text node, is slotted like any text: it hides the slot's fallback label and would
 * leave an empty button with no accessible name. Text edits do not fire `slotchange`,
 * hence a MutationObserver, which re-renders the host; `blank` is read at render.
 */
export class BlankLabelController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer: MutationObserver;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#observer = new MutationObserver(() => host.requestUpdate());
    host.addController(this);
  }

  /** True when the default slot would get text nodes, all of them blank. */
  get blank(): boolean {
    let text = false;
    for (const node of this.#host.childNodes) {
      // Text and elements without a `slot` go to the default slot; comments go nowhere.
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent!.trim()) return false;
        text = true;
      } else if (node instanceof Element && !node.hasAttribute('slot')) return false;
    }
    return text;
  }

  hostConnected(): void {
    this.#observer.observe(this.#host, { childList: true, characterData: true, subtree: true });
    // The light DOM may have changed while the element was away.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}

/**
 * Layout for `renderActionButton`, beside `buttonStyles`. Each element maps its public
 * `--juzi-<element>-*` properties onto the private `--_button-*` ones. The label may
 * shrink, so a long one wraps (overflow-wrap comes from the host) inside a 300px sidebar.
 */
export const actionButtonStyles = css`
  :host {
    display: inline-block;
    max-width: 100%;
    vertical-align: middle;
  }
  .label {
    min-width: 0;
  }
`;
