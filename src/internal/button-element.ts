import { css, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ActionController } from './action-controller.js';
import { JuziElement } from './juzi-element.js';
import { buttonStyles, hostStyles } from './styles.js';

const ignore = () => {};

/**
 * An acting element drawn as one native button (so Enter, Space and focus work
 * without any script) with a polite live region beside it: send, open chat, sign in.
 * Acting itself (one action at a time, `busy`, the outcome) is its `action` controller;
 * a subclass names its default `label` and what a click does (`activate`).
 */
export abstract class JuziButtonElement extends JuziElement {
  static override styles: CSSResultGroup = [
    hostStyles,
    buttonStyles,
    // The label may shrink, so a long one wraps inside a 300px sidebar.
    css`
      :host {
        display: inline-block;
        max-width: 100%;
        vertical-align: middle;
      }
      .label {
        min-width: 0;
      }
    `,
  ];

  static override shadowRootOptions: ShadowRootInit = { ...JuziElement.shadowRootOptions, delegatesFocus: true };

  /** Stops the element from acting. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** One action at a time, its outcome and the sentence the live region speaks. */
  protected readonly action = new ActionController(this, (error) => this.describeError(error));

  /** True while the host is working on this element's action (reflected as the `busy` attribute, for CSS). */
  get busy(): boolean {
    return this.action.busy;
  }

  // Text edits in the light DOM fire no slotchange; the label's fallback depends on them.
  readonly #observer = new MutationObserver(() => this.requestUpdate());

  constructor() {
    super();
    this.addEventListener('click', this.#handleHostClick);
  }

  /** The default label in the element's language, shown until a label is slotted. */
  protected abstract get label(): string;

  /** What a click does; a rejection has already been reported as `juzi-error`. */
  protected abstract activate(): Promise<unknown>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.toggleAttribute('busy', this.busy);
  }

  override render(): TemplateResult {
    return this.renderButton();
  }

  /**
   * The button and the live region. The region is rendered from the start because
   * screen readers only announce changes to a region that already exists.
   */
  protected renderButton(): TemplateResult {
    const { label } = this;
    return html`<button part="base" class="button" type="button" ?disabled=${this.disabled} aria-busy=${this.busy ? 'true' : 'false'} @click=${this.#handleClick}>${
      this.busy ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing
    }<span part="label" class="label"><slot>${label}</slot>${this.#blankLabel() ? label : nothing}</span></button
    ><span part="status" class="visually-hidden" role="status">${this.action.announcement}</span>`;
  }

  #handleClick = (): void => void this.activate().catch(ignore);

  /**
   * `el.click()` (and jQuery's `.trigger('click')`, which calls it) dispatches the click on
   * the element itself, never reaching the inner button: act as that button would, which a
   * hidden button (a signed-in `<juzi-auth>`) would not. A click through the button is its own.
   */
  #handleHostClick = (event: MouseEvent): void => {
    const button = this.renderRoot.querySelector('button');
    if (event.composedPath()[0] === this && button?.getClientRects().length) this.#handleClick();
  };

  /**
   * Whether the default slot gets only blank text. Markup such as
   * `<juzi-send-button>⏎</juzi-send-button>`, or a framework's empty text node, is
   * slotted like any text: it hides the slot's fallback label and would leave an empty
   * button with no accessible name.
   */
  #blankLabel(): boolean {
    let text = false;
    for (const node of this.childNodes) {
      // Text and elements without a `slot` go to the default slot; comments go nowhere.
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent!.trim()) return false;
        text = true;
      } else if (node instanceof Element && !node.hasAttribute('slot')) return false;
    }
    return text;
  }
}
