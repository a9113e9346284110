import { consume } from '@lit/context';
import { LitElement, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JuziBridge } from '../bridge/bridge.js';
import type { JuziError } from '../bridge/errors.js';
import { getBridge } from '../bridge/shared.js';
import { JuziErrorEvent, type JuziErrorDetail, type JuziEvent } from '../events.js';
import { bridgeContext } from './context.js';
import { toJuziError } from './errors.js';
import { messages, wordsOf, type Messages } from './i18n.js';
import { hostStyles } from './styles.js';
import { VERSION } from './version.js';

const warned = new Set<string>();
const connected = new Set<JuziElement>();
let langObserver: MutationObserver | undefined;

/** Labels follow `lang` changes anywhere above an element, without any page code. */
function watchLang(element: JuziElement, on: boolean): void {
  if (on) connected.add(element);
  else connected.delete(element);
  if (on && !langObserver) {
    langObserver = new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  } else if (!connected.size && langObserver) {
    langObserver.disconnect();
    langObserver = undefined;
  }
}

/**
 * The base of every juzi element: guarded registration, the bridge lookup
 * (property, then `@lit/context` provider, then the page's shared bridge),
 * typed events, labels in the nearest `lang`, and shared host styles.
 */
export class JuziElement extends LitElement {
  /** The juzi-elements version that defined this class. */
  static readonly version: string = VERSION;

  static override styles: CSSResultGroup = hostStyles;

  /**
   * Registers the element under `tag`. Never throws: a free tag is defined; the
   * same version already there is left alone; another version warns once.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
    if (existing === this) return;
    if (!existing) {
      try {
        customElements.define(tag, this);
      } catch (error) {
        warnOnce(tag, `juzi-elements: <${tag}> could not be defined: ${String(error)}`);
      }
      return;
    }
    if (existing.version === this.version) return;
    // One warning per clash of two versions, however many tags they both define.
    warnOnce(
      `${existing.version}|${this.version}`,
      `juzi-elements: version ${existing.version ?? 'unknown'} already defines <${tag}> (and maybe more tags); ` +
        `version ${this.version} loaded too and is not used. Load one copy of juzi-elements per page.`,
    );
  }

  /** The bridge to use; by default the nearest provider's, else the page's shared one. */
  @property({ attribute: false }) bridge?: JuziBridge;

  /** The bridge a `@lit/context` provider above this element offers. */
  @consume({ context: bridgeContext, subscribe: true })
  @state()
  protected contextBridge?: JuziBridge;

  /** The bridge in force: the property, the context provider's, else `getBridge()`. */
  get activeBridge(): JuziBridge {
    return this.bridge ?? this.contextBridge ?? getBridge();
  }

  /** Labels in the element's `lang`, else the nearest ancestor's (default zh-CN). */
  protected get t(): Messages {
    return wordsOf(this, messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLang(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchLang(this, false);
  }

  /** Dispatches a juzi event and returns it, so the caller can read `defaultPrevented`. */
  protected emit<E extends JuziEvent>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /** Reports a failure as `juzi-error`; anything that is not a JuziError becomes one. */
  protected emitError(error: unknown, extra: Omit<JuziErrorDetail, 'error'> = {}): JuziError {
    const juziError = toJuziError(error, this.localName);
    this.emit(new JuziErrorEvent({ error: juziError, ...extra }));
    return juziError;
  }

  /** A short sentence for an error, in the element's language. */
  protected describeError(error: JuziError): string {
    const { errors, errorFallback } = this.t;
    const lead = errors[error.code];
    if (error.code === 'host-fail') return `${lead}${error.errMsg ?? error.code}`;
    if (error.code === 'invalid-params') {
      const issues = error.issues?.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
      return `${lead}${issues?.join('; ') ?? error.message}`;
    }
    return lead ?? `${errorFallback}${error.message}`;
  }
}

function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(message);
}
