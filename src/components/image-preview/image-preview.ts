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
  /** The slotted image it comes from. */
  source?: HTMLImageElement;
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
 * Each thumbnail is a native button. `click()` by script (also jQuery's `.trigger('click')`)
 * acts as a click on a thumbnail: on the element itself it previews the first image; on a
 * slotted `<img>`, or a slotted element holding one (an `<a>`, a `<figure>`), that image,
 * and a link around it is not followed.
 *
 * @slot - `<img>` elements to preview when `urls` is empty, also inside slotted elements such as `<a>` or `<figure>` (each one's `src` and `alt` are used; the originals stay hidden).
 *
 * @csspart base - The list of thumbnails.
 * @csspart thumbnail - Each thumbnail button.
 * @csspart image - The image inside a thumbnail (absent for a URL that is not http(s)).
 * @csspart label - The thumbnail's name: the image's alt text, else "图片 n/N" / "Image n of N"; visible only when there is no image to show or it failed to load.
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

  /** URLs whose thumbnail failed to load: their name is shown instead of a broken-image icon. */
  readonly #broken = new Set<string>();

  // slotchange misses images nested in a slotted element, and src / alt edits.
  readonly #observer = new MutationObserver(() => this.requestUpdate());

  constructor() {
    super();
    this.addEventListener('click', this.#handleHostClick);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'alt', 'slot'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  get #images(): PreviewImage[] {
    const urls = toUrlList(this.urls);
    if (urls.length) return urls.map((url) => ({ url, alt: '' }));
    const slot = this.renderRoot?.querySelector('slot');
    // Before the first render there is no slot yet; the default slot takes every child without `slot`.
    return (slot ? slot.assignedElements({ flatten: true }) : [...this.children].filter((el) => !el.slot))
      .flatMap((el) => (el.localName === 'img' ? [el as HTMLImageElement] : [...el.querySelectorAll('img')]))
      .filter((img) => img.getAttribute('src')?.trim())
      // img.src resolves a relative src against the page, as the host needs an absolute URL.
      .map((img) => ({ url: img.src, alt: img.alt.trim(), source: img }));
  }

  /** A click by script on the element, or on a slotted image (or what holds one); the thumbnails handle their own. */
  #handleHostClick = (event: MouseEvent): void => {
    const [target] = event.composedPath();
    if (target === this) return this.#activate(0);
    // `contains` sees the light DOM only: a click inside the shadow root is a thumbnail's.
    if (!(target instanceof Element) || !this.contains(target)) return;
    const image = target.localName === 'img' ? target : target.querySelector('img');
    const index = this.#images.findIndex(({ source }) => source && source === image);
    if (index < 0) return;
    event.preventDefault(); // the previewer opens instead of a link around the image
    this.#activate(index);
  };

  #markBroken(url: string, broken: boolean): void {
    if (this.#broken.has(url) === broken) return;
    if (broken) this.#broken.add(url);
    else this.#broken.delete(url);
    this.requestUpdate();
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
      const broken = shown && this.#broken.has(url);
      // no-referrer: WeChat's image CDN refuses hotlinked images that carry a foreign Referer.
      // Not lazy: thumbnails are few and small, and a lazy image in a page that is not being
      // rendered (a background tab, a hidden sidebar) never loads, nor tells that it is broken.
      return html`<li><button type="button" part="thumbnail" aria-disabled=${this.disabled ? 'true' : 'false'} @click=${() => this.#activate(index)}>${
        shown
          ? html`<img part="image" class=${broken ? 'broken' : ''} src=${url} alt="" decoding="async" referrerpolicy="no-referrer"
              @error=${() => this.#markBroken(url, true)} @load=${() => this.#markBroken(url, false)} />`
          : nothing
      }<span part="label" class=${shown && !broken ? 'visually-hidden' : ''}>${alt || t.image(index + 1, images.length)}</span></button></li>`;
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
