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
  return html`
    <button
      part="base"
      class="button"
      type="button"
      ?disabled=${view.disabled}
      aria-busy=${view.busy ? 'true' : 'false'}
      @click=${view.onClick}
    >
      ${view.busy ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
      <span part="label" class="label"><slot>${view.label}</slot>${view.blankLabel ? view.label : nothing}</span>
    </button>
    <span part="status" class="visually-hidden" role="status">${view.announcement}</span>
  `;
}

/**
 * Tracks whether the element's light DOM gives the default slot only blank text.
 * Markup such as `<juzi-send-button>⏎</juzi-send-button>`, or a framework's empty
 * text node, is slotted like any text: it hides the slot's fallback label and would
 * leave an empty button with no accessible name. Text edits do not fire `slotchange`,
 * hence a MutationObserver.
 */
export class BlankLabelController implements ReactiveController {
  /** True when the default slot would get text nodes, all of them blank. */
  blank = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer = new MutationObserver(() => this.#check());

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host, { childList: true, characterData: true, subtree: true });
    this.#check();
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  #check(): void {
    const slotted = [...this.#host.childNodes].filter(
      (node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !node.hasAttribute('slot')),
    );
    const blank = slotted.length > 0 && slotted.every((node) => node.nodeType === Node.TEXT_NODE && !node.textContent?.trim());
    if (blank === this.blank) return;
    this.blank = blank;
    this.#host.requestUpdate();
  }
}

/**
 * Layout for `renderActionButton`. Each element maps its public
 * `--juzi-<element>-*` properties onto the private `--_button-*` ones.
 */
export const actionButtonStyles = css`
  :host {
    display: inline-block;
    max-width: 100%;
    vertical-align: middle;
    --_button-bg: var(--_primary);
    --_button-fg: var(--_on-primary);
    --_button-radius: var(--_radius);
  }
  .button {
    background: var(--_button-bg);
    color: var(--_button-fg);
    border-radius: var(--_button-radius);
    text-align: center;
  }
  .spinner {
    flex: none;
  }
  .label {
    /* A long label wraps inside a 300px sidebar instead of overflowing it. */
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
