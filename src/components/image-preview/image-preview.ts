import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { isHttpUrl } from '../../bridge/schemas.js';
import { JuziPreviewEvent } from '../../events.js';
import { ActionController } from '../../internal/action-controller.js';
import { JuziElement } from '../../internal/juzi-element.js';
import { imagePreviewStyles } from './image-preview.styles.js';

interface PreviewImage {
  /** Absolute URL (slotted images) or the page's words (`urls`); the bridge judges it. */
  url: string;
  /** The slotted image's alt text, trimmed; empty for `urls`. */
  alt: string;
}

/**
 * `urls="a b\n c"` → `['a', 'b', 'c']`. Also what render makes of the property, which a
 * page may set to a string, `null` or an array with stray non-strings from JS: none of
 * that should throw.
 */
const toUrlList = (value: unknown): string[] => [value].flat().join(' ').split(/\s+/).filter(Boolean);

/**
 * @summary Image thumbnails as buttons; activating one opens the host's image previewer on it.
 * @tag juzi-image-preview
 *
 * @slot - `<img>` elements to preview when `urls` is empty (each one's `src` and `alt` are used; the originals stay hidden). Only direct `<img>` children count, read when the slotted children change.
 *
 * @csspart base - The list of thumbnails.
 * @csspart thumbnail - Each thumbnail button.
 * @csspart image - The image inside a thumbnail (absent for a URL that is not http(s)).
 * @csspart label - The thumbnail's name: the image's alt text, else "图片 n/N" / "Image n of N"; visible only when there is no image to show.
 * @csspart status - The polite live region that reports a failure.
 *
 * @cssproperty --juzi-image-preview-size - Width and height of each thumbnail (default 64px).
 * @cssproperty --juzi-image-preview-background - Thumbnail background (default the surface colour).
 *
 * @fires juzi-preview - The host's previewer opened. Detail `{ urls, current }`.
 * @fires juzi-error - The preview failed (bad URL, no host, host refused, timeout). Detail `{ error }`.
 */
export class JuziImagePreview extends JuziElement {
  static override styles = [JuziElement.styles, imagePreviewStyles];

  /** Stops the element from acting. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  readonly #action = new ActionController(this, (error) => this.describeError(error));

  /** True while the host opens the previewer (reflected as the `busy` attribute, for CSS). */
  get busy(): boolean {
    return this.#action.busy;
  }

  /** The images to preview, whitespace-separated in the attribute; when empty, the slotted `<img>`s are used. */
  @property({ converter: toUrlList }) urls: string[] = [];

  get #images(): PreviewImage[] {
    const urls = toUrlList(this.urls);
    if (urls.length) return urls.map((url) => ({ url, alt: '' }));
    const slot = this.renderRoot?.querySelector('slot');
    // Before the first render there is no slot yet; the default slot takes every child without `slot`.
    return (slot ? slot.assignedElements({ flatten: true }) : [...this.children].filter((el) => !el.slot))
      .filter((img): img is HTMLImageElement => img.localName === 'img' && !!img.getAttribute('src')?.trim())
      // img.src resolves a relative src against the page, as the host needs an absolute URL.
      .map((img) => ({ url: img.src, alt: img.alt.trim() }));
  }

  #activate(index: number): void {
    if (this.disabled) return;
    const urls = this.#images.map((image) => image.url);
    const current = urls[index];
    if (current === undefined) return;
    this.#action.run(() => this.activeBridge.previewImage({ urls, current }), {
      failed: this.t.previewFailed,
      event: () => new JuziPreviewEvent({ urls, current }),
    }).catch(() => {
      // juzi-error has told the page; the click has no one else to tell.
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.toggleAttribute('busy', this.busy);
  }

  protected override render() {
    const images = this.#images;
    const t = this.t;
    const thumbnail = ({ url, alt }: PreviewImage, index: number) => {
      // Only http(s) reaches an attribute: a javascript: or data: URL gets a label-only button.
      const shown = isHttpUrl(url);
      // no-referrer: WeChat's image CDN refuses hotlinked images that carry a foreign Referer.
      return html`<li><button type="button" part="thumbnail" aria-disabled=${this.disabled ? 'true' : 'false'} @click=${() => this.#activate(index)}>${
        shown ? html`<img part="image" src=${url} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />` : nothing
      }<span part="label" class=${shown ? 'visually-hidden' : ''}>${alt || t.image(index + 1, images.length)}</span></button></li>`;
    };
    return html`
      <ul part="base" role="list" ?hidden=${!images.length}>${images.map(thumbnail)}</ul>
      <div hidden><slot @slotchange=${() => this.requestUpdate()}></slot></div>
      <div part="status" role="status">${this.#action.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-image-preview': JuziImagePreview;
  }
}
