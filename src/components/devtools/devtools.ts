import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChatContext, JuziBridge } from '../../bridge/bridge.js';
import type { BridgeDiagnostics, CallRecord } from '../../bridge/diagnostics.js';
import { isJuziError } from '../../bridge/errors.js';
import { wordsOf } from '../../internal/i18n.js';
import { JuziElement } from '../../internal/juzi-element.js';
import { VERSION } from '../../internal/version.js';
import { devtoolsMessages, type DevtoolsMessages } from './devtools.messages.js';
import {
  buildReport,
  clock,
  describeCall,
  lastChatRead,
  readEnvironment,
  toJson,
  type PageEnvironment,
  type SeenEvent,
} from './devtools.report.js';
import { devtoolsStyles } from './devtools.styles.js';

/** The corner the panel sits in. */
export type DevtoolsPosition = 'bottom-right' | 'bottom-left' | 'top-left' | 'top-right';
const corners: readonly DevtoolsPosition[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];

/** The events juzi elements send; each bubbles and is composed, so it reaches `document`. */
const EVENT_TYPES = [
  'juzi-chat-change',
  'juzi-before-send',
  'juzi-sent',
  'juzi-chat-opened',
  'juzi-preview',
  'juzi-auth-success',
  'juzi-error',
] as const;
const EVENT_HISTORY = 100;
/** While open, the panel looks again this often (host found later, listen state, context). */
const POLL_MS = 1000;

const noop = () => {};

/**
 * @summary An in-page debugging panel for the client, which has no console: the host and environment, the chat context, every host call with its timing and outcome, the `juzi-*` events, and a report to copy.
 * @tag juzi-devtools
 *
 * A small floating button opens the panel. The panel only reads: it makes no host call of
 * its own (its "read chat again" button runs `bridge.refresh()`), and its styles stay in its
 * shadow root. Load `dist/juzi-devtools.js` (or import `juzi-elements/devtools`) and add
 * `<juzi-devtools>`, or open the page with `?juzi-debug=1` to get one panel without changing it.
 *
 * @csspart toggle - The floating button that opens and collapses the panel.
 * @csspart panel - The panel.
 * @csspart header - The panel's title bar with its move and collapse buttons.
 * @csspart section - Each section (environment, context, calls, events, report).
 * @csspart call - Each call in the log.
 * @csspart hint - Each plain-language hint.
 *
 * @cssproperty --juzi-devtools-width - The panel's width (default: 300px, at most the viewport less 16px).
 * @cssproperty --juzi-devtools-max-height - The panel's greatest height (default 70vh).
 * @cssproperty --juzi-devtools-z-index - Its stacking order (default 2147483000: above the page).
 */
export class JuziDevtools extends JuziElement {
  static override styles = [JuziElement.styles, devtoolsStyles];

  /** Whether the panel is open (else only the button shows). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The corner it sits in: `bottom-right` (default), `bottom-left`, `top-left`, `top-right`. */
  @property({ reflect: true }) position: DevtoolsPosition = 'bottom-right';

  /** The report, shown as selectable text when the clipboard refused it. */
  @state() private manualReport?: string;
  /** What the last copy did, for the status line. */
  @state() private copyStatus: '' | 'copied' | 'blocked' = '';

  #events: SeenEvent[] = [];
  #watched?: JuziBridge;
  #offCall?: () => void;
  #renderTimer?: ReturnType<typeof setTimeout>;
  #poll?: ReturnType<typeof setInterval>;

  /** The report text: everything the panel shows, as plain text (English keys) for a bug report. */
  get report(): string {
    const diagnostics = this.#diagnostics();
    return diagnostics ? buildReport(diagnostics, readEnvironment(), this.#events, this.#hints(diagnostics, readEnvironment())) : '';
  }

  /** The `juzi-*` events seen on `document` since the panel was connected, oldest first (the last 100). */
  get events(): readonly SeenEvent[] {
    return [...this.#events];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of EVENT_TYPES) document.addEventListener(type, this.#onEvent, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of EVENT_TYPES) document.removeEventListener(type, this.#onEvent, { capture: true });
    this.#offCall?.();
    this.#offCall = this.#watched = undefined;
    clearTimeout(this.#renderTimer);
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  protected override willUpdate(): void {
    this.#watch();
    if (this.open && !this.#poll) this.#poll = setInterval(() => this.requestUpdate(), POLL_MS);
    if (!this.open && this.#poll) {
      clearInterval(this.#poll);
      this.#poll = undefined;
    }
  }

  get #t(): DevtoolsMessages {
    return wordsOf(this, devtoolsMessages);
  }

  /** Follows the bridge in force; a bridge without diagnostics (another version) is shown as such, never thrown on. */
  #watch(): void {
    let bridge: JuziBridge;
    try {
      bridge = this.activeBridge;
      if (bridge === this.#watched) return;
      this.#offCall?.();
      this.#watched = bridge;
      this.#offCall = typeof bridge.onCall === 'function' ? bridge.onCall(this.#onCall) : undefined;
    } catch (error) {
      console.error(error);
    }
  }

  #diagnostics(): BridgeDiagnostics<ChatContext> | undefined {
    try {
      const bridge = this.activeBridge;
      return typeof bridge.diagnostics === 'function' ? bridge.diagnostics() : undefined;
    } catch (error) {
      console.error(error);
      return undefined;
    }
  }

  /** A call started or ended: render once the bridge has also updated its context (a later task). */
  #onCall = (): void => {
    clearTimeout(this.#renderTimer);
    this.#renderTimer = setTimeout(() => this.requestUpdate());
  };

  #onEvent = (event: Event): void => {
    try {
      const detail = (event as CustomEvent<Record<string, unknown> | null>).detail;
      const error = detail?.error;
      const summary = isJuziError(error) ? `${error.code}: ${error.message}` : toJson(detail, 300);
      this.#events.push({ type: event.type, at: Date.now(), summary });
      if (this.#events.length > EVENT_HISTORY) this.#events.shift();
      this.requestUpdate();
    } catch (failure) {
      console.error(failure);
    }
  };

  #hints({ host, listen, calls }: BridgeDiagnostics<ChatContext>, env: PageEnvironment): string[] {
    const t = this.#t;
    const hints: string[] = [];
    if (!host.found) {
      hints.push(t.hintNoHost);
      if (env.globals.wx && !env.globals.wxPatched) hints.push(t.hintPlainWx);
      if (!env.iframe) hints.push(t.hintNotIframe);
    } else if (listen.fired === 0) hints.push(t.hintListen);
    if (calls.some((call) => call.outcome === 'timeout')) hints.push(t.hintTimeout);
    return hints;
  }

  #toggle(): void {
    this.open = !this.open;
  }

  #move(): void {
    this.position = corners[(corners.indexOf(this.position) + 1) % corners.length] ?? 'bottom-right';
  }

  #readAgain(): void {
    try {
      this.activeBridge.refresh().catch(noop); // the outcome shows in the log and the context
    } catch (error) {
      console.error(error);
    }
  }

  async #copy(): Promise<void> {
    const report = this.report;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(report);
      this.manualReport = undefined;
      this.copyStatus = 'copied';
    } catch {
      this.manualReport = report;
      this.copyStatus = 'blocked';
      await this.updateComplete;
      const area = this.renderRoot.querySelector('textarea');
      area?.focus();
      area?.select();
    }
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    let panel: TemplateResult | typeof nothing = nothing;
    let failed = 0;
    try {
      const diagnostics = this.#diagnostics();
      failed = diagnostics?.calls.filter((call) => call.outcome !== 'ok' && call.outcome !== 'pending').length ?? 0;
      if (this.open) panel = this.#panel(t, diagnostics);
    } catch (error) {
      // Never break the page: show what failed instead of the panel.
      panel = this.open ? html`<div part="panel" class="panel" role="alert">${t.broken}${String(error)}</div>` : nothing;
    }
    return html`${panel}<button
        part="toggle"
        class="toggle"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.#toggle}
      >
        ${t.toggle}${failed ? html` <span class="badge fail">${t.failedCount(failed)}</span>` : nothing}
      </button>`;
  }

  #panel(t: DevtoolsMessages, diagnostics: BridgeDiagnostics<ChatContext> | undefined): TemplateResult {
    const env = readEnvironment();
    const header = html`<div part="header" class="header">
      <h2 id="title">${t.title} <span class="muted">${VERSION}</span></h2>
      <button type="button" class="icon" aria-label=${t.move} title=${t.move} @click=${this.#move}>⇲</button>
      <button type="button" class="icon" aria-label=${t.close} title=${t.close} @click=${this.#toggle}>×</button>
    </div>`;
    if (!diagnostics) {
      return html`<section id="panel" part="panel" class="panel" aria-labelledby="title">
        ${header}
        <p role="alert">${t.noDiagnostics}</p>
      </section>`;
    }
    return html`<section id="panel" part="panel" class="panel" aria-labelledby="title">
      ${header}
      <div class="body">
        ${this.#environment(t, diagnostics, env)} ${this.#context(t, diagnostics)} ${this.#calls(t, diagnostics.calls)}
        ${this.#eventLog(t)} ${this.#reportSection(t)}
      </div>
    </section>`;
  }

  #environment(t: DevtoolsMessages, diagnostics: BridgeDiagnostics<ChatContext>, env: PageEnvironment): TemplateResult {
    const { host, listen } = diagnostics;
    const yesNo = (value: boolean) => (value ? t.yes : t.no);
    const rows: [string, string][] = [
      [t.host, host.found ? t.hostFound(host.via ?? '?') : t.hostMissing],
      [t.isJuziWx, yesNo(host.isJuziWx)],
      [t.iframe, yesNo(env.iframe)],
      [t.client, env.client ?? t.browser],
      [t.jssdk, yesNo(env.globals.jssdk)],
      [t.listen, t.listenState(listen.armed, listen.fired)],
      [t.pageUrl, env.url],
    ];
    const hints = this.#hints(diagnostics, env);
    return html`<details part="section" class="section environment" open>
      <summary>${t.environment}</summary>
      ${table(rows)}
      ${hints.map((hint) => html`<p part="hint" class="hint">${hint}</p>`)}
    </details>`;
  }

  #context(t: DevtoolsMessages, { context, calls }: BridgeDiagnostics<ChatContext>): TemplateResult {
    const read = lastChatRead(calls);
    const rows: [string, string][] = [
      [t.status, context.status],
      [t.lastRead, read === undefined ? t.never : clock(read)],
      ...(context.error ? [[t.error, `${context.error.code}: ${context.error.message}`] as [string, string]] : []),
    ];
    const chat = context.chat
      ? table(Object.entries(context.chat).map(([key, value]) => [key, typeof value === 'string' ? value : toJson(value)]))
      : html`<p class="muted">${t.noChat}</p>`;
    return html`<details part="section" class="section context">
      <summary>${t.context}</summary>
      ${table(rows)} ${chat}
      <button type="button" class="button" @click=${this.#readAgain}>${t.readAgain}</button>
    </details>`;
  }

  #calls(t: DevtoolsMessages, calls: readonly CallRecord[]): TemplateResult {
    return html`<details part="section" class="section calls" open>
      <summary>${t.calls(calls.length)}</summary>
      ${calls.length
        ? html`<ol class="log" reversed>
            ${[...calls].reverse().map((call) => this.#call(t, call))}
          </ol>`
        : html`<p class="muted">${t.noCalls}</p>`}
    </details>`;
  }

  #call(t: DevtoolsMessages, call: CallRecord): TemplateResult {
    const failed = call.outcome !== 'ok' && call.outcome !== 'pending';
    return html`<li part="call" class="call" data-outcome=${call.outcome} ?data-late=${call.late === true}>
      <details>
        <summary>
          <span class="muted">${clock(call.startedAt)}</span> <strong>${call.api}</strong>
          <span class="badge ${failed ? 'fail' : call.outcome === 'ok' ? 'ok' : ''}"
            >${call.outcome === 'pending' ? t.pending : call.outcome}</span
          >
          ${call.ms === undefined ? nothing : html`<span class="muted">${call.ms} ms</span>`}
          ${call.late ? html`<span class="badge late">${t.late}</span>` : nothing}
        </summary>
        <dl>
          <dt>${t.params}</dt>
          <dd><pre>${toJson(call.params)}</pre></dd>
          ${call.answer === undefined ? nothing : html`<dt>${t.answer}</dt><dd><pre>${toJson(call.answer)}</pre></dd>`}
          ${call.errMsg ? html`<dt>${t.hostWords}</dt><dd>${call.errMsg}</dd>` : nothing}
          ${failed && call.message ? html`<dt>${t.error}</dt><dd>${call.message}</dd>` : nothing}
          ${call.late ? html`<dt>${t.late}</dt><dd>${t.lateAfter(call.lateMs ?? 0)}</dd>` : nothing}
        </dl>
        <span class="visually-hidden">${describeCall(call)}</span>
      </details>
    </li>`;
  }

  #eventLog(t: DevtoolsMessages): TemplateResult {
    const events = [...this.#events].reverse();
    return html`<details part="section" class="section events">
      <summary>${t.events(events.length)}</summary>
      ${events.length
        ? html`<ol class="log" reversed>
            ${events.map(
              (event) => html`<li class="event" data-type=${event.type}>
                <span class="muted">${clock(event.at)}</span> <strong>${event.type}</strong>
                <span class="summary">${event.summary}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${t.noEvents}</p>`}
    </details>`;
  }

  #reportSection(t: DevtoolsMessages): TemplateResult {
    return html`<details part="section" class="section report" open>
      <summary>${t.report}</summary>
      <button type="button" class="button" @click=${this.#copy}>${t.copy}</button>
      <p role="status" class="muted">${this.copyStatus === 'copied' ? t.copied : this.copyStatus === 'blocked' ? t.copyBlocked : ''}</p>
      ${this.manualReport === undefined
        ? nothing
        : html`<textarea readonly rows="8" aria-label=${t.reportLabel} .value=${this.manualReport}></textarea>`}
    </details>`;
  }
}

function table(rows: readonly (readonly [string, string])[]): TemplateResult {
  return html`<dl class="table">
    ${rows.map(([key, value]) => html`<dt>${key}</dt> <dd>${value}</dd>`)}
  </dl>`;
}

/**
 * Mounts one `<juzi-devtools>` (its button; the panel opens from it) at the end of `<body>` when the page's URL has
 * `juzi-debug=1` in its query (also in a hash route's query), unless there is one already.
 * Returns it, or undefined.
 */
export function mountOnDebugUrl(tag = 'juzi-devtools'): Element | undefined {
  try {
    const { search, hash } = location;
    const query = `${search}&${hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : ''}`;
    if (new URLSearchParams(query.replace(/^\?/, '')).get('juzi-debug') !== '1') return undefined;
    const existing = document.querySelector(tag);
    if (existing) return existing;
    const panel = document.createElement(tag);
    const mount = () => document.body.append(panel);
    if (document.body) mount();
    else document.addEventListener('DOMContentLoaded', mount, { once: true });
    return panel;
  } catch (error) {
    console.error(error);
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-devtools': JuziDevtools;
  }
}
