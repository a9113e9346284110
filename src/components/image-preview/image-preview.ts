import { html, type ComplexAttributeConverter } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { isHttpUrl } from '../../bridge/schemas.js';
import { JuziPreviewEvent } from '../../events.js';
import { JuziActionElement } from '../../internal/action-element.js';
import { JuziElement } from '../../internal/juzi-element.js';
import { imagePreviewStyles } from './image-preview.styles.js';

interface PreviewImage {
  /** Absolute URL (slotted images) or the page's words (`urls`); the bridge judges it. */
  url: string;
  /** The slotted image's alt text, trimmed; empty for `urls`. */
  alt: string;
}

/** `urls="a b\n c"` ⇄ `['a', 'b', 'c']`. */
const urlListConverter: ComplexAttributeConverter<string[]> = {
  fromAttribute: (value) => splitUrls(value),
  toAttribute: (value) => (Array.isArray(value) ? value.join(' ') : value),
};

function splitUrls(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** A page may hand over a string, `null` or stray non-strings from JS; none of that should throw in render. */
function toUrlList(value: unknown): string[] {
  if (!Array.isArray(value)) return splitUrls(value);
  return value.filter((url): url is string => typeof url === 'string').map((url) => url.trim()).filter(Boolean);
}

const sameImages = (a: readonly PreviewImage[], b: readonly PreviewImage[]) =>
  a.length === b.length && a.every((image, i) => image.url === b[i]?.url && image.alt === b[i]?.alt);

/**
 * @summary Image thumbnails as buttons; activating one opens the host's image previewer on it.
 * @tag juzi-image-preview
 *
 * @slot - `<img>` elements to preview when `urls` is empty (each one's `src` and `alt` are used; the originals stay hidden).
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
export class JuziImagePreview extends JuziActionElement {
  static override styles = [JuziElement.styles, imagePreviewStyles];

  /** The images to preview, whitespace-separated in the attribute; when empty, the slotted `<img>`s are used. */
  @property({ attribute: 'urls', converter: urlListConverter }) urls: string[] = [];

  /** The slotted images, read from the light DOM. */
  @state() private slottedImages: PreviewImage[] = [];

  /** URLs whose thumbnail failed to load: their label is shown instead of a broken-image icon. */
  @state() private brokenUrls: ReadonlySet<string> = new Set();

  // slotchange misses alt/src edits on an <img> already slotted, and images nested in a slotted wrapper.
  readonly #observer = new MutationObserver(() => this.#readSlotted());

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer.observe(this, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['src', 'alt', 'slot'],
    });
    this.#readSlotted();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  get #images(): PreviewImage[] {
    const urls = toUrlList(this.urls);
    return urls.length ? urls.map((url) => ({ url, alt: '' })) : this.slottedImages;
  }

  #readSlotted = (): void => {
    const slot = this.renderRoot?.querySelector('slot');
    // Before the first render there is no slot yet; the default slot takes every child without `slot`.
    const assigned = slot ? slot.assignedElements({ flatten: true }) : [...this.children].filter((el) => !el.slot);
    const images = assigned
      .flatMap((el) => (el.localName === 'img' ? [el] : [...el.querySelectorAll('img')]))
      .filter((img) => img.getAttribute('src')?.trim())
      // img.src resolves a relative src against the page, as the host needs an absolute URL.
      .map((img) => ({ url: (img as HTMLImageElement).src, alt: (img.getAttribute('alt') ?? '').trim() }));
    if (!sameImages(images, this.slottedImages)) this.slottedImages = images;
  };

  #markBroken(url: string): void {
    if (!this.brokenUrls.has(url)) this.brokenUrls = new Set(this.brokenUrls).add(url);
  }

  #activate(index: number): void {
    if (this.disabled) return;
    const urls = this.#images.map((image) => image.url);
    const current = urls[index];
    if (current === undefined) return;
    this.exclusive(() => this.activeBridge.previewImage({ urls, current }), {
      done: '',
      failed: this.t.previewFailed,
      then: () => this.emit(new JuziPreviewEvent({ urls, current })),
    }).catch(() => {
      // juzi-error has told the page; the click has no one else to tell.
    });
  }

  protected override render() {
    const images = this.#images;
    const t = this.t;
    return html`
      <ul part="base" class="base" role="list" ?hidden=${images.length === 0}>
        ${images.map((image, index) => {
          const label = image.alt || t.image(index + 1, images.length);
          // Only http(s) reaches an attribute: a javascript: or data: URL gets a label-only button.
          const showImage = isHttpUrl(image.url);
          const broken = showImage && this.brokenUrls.has(image.url);
          // no-referrer: WeChat's image CDN refuses hotlinked images that carry a foreign Referer.
          return html`<li class="item">
            <button
              type="button"
              part="thumbnail"
              class=${classMap({ thumbnail: true, broken })}
              aria-disabled=${this.disabled ? 'true' : 'false'}
              @click=${() => this.#activate(index)}
            >
              ${showImage
                ? html`<img
                    part="image"
                    class="image"
                    src=${image.url}
                    alt=""
                    loading="lazy"
                    decoding="async"
                    referrerpolicy="no-referrer"
                    @error=${() => this.#markBroken(image.url)}
                  />`
                : null}
              <span part="label" class=${classMap({ label: true, 'visually-hidden': showImage && !broken })}>${label}</span>
            </button>
          </li>`;
        })}
      </ul>
      <div class="source" hidden><slot @slotchange=${this.#readSlotted}></slot></div>
      <div part="status" class="status" role="status">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-image-preview': JuziImagePreview;
  }
}
