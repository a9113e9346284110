import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChatContext } from '../../bridge/bridge.js';
import type { JuziError } from '../../bridge/errors.js';
import type { ChatInfo } from '../../bridge/schemas.js';
import { JuziChatChangeEvent } from '../../events.js';
import { ChatContextController } from '../../internal/chat-context-controller.js';
import { JuziElement } from '../../internal/juzi-element.js';
import { buttonStyles } from '../../internal/styles.js';
import { chatInfoStyles } from './chat-info.styles.js';

/** The parts of a chat `<juzi-chat-info fields="…">` can show. */
export type ChatInfoField = 'name' | 'type' | 'external' | 'botName' | 'botStatus' | 'botType';
const allFields: readonly ChatInfoField[] = ['name', 'type', 'external', 'botName', 'botStatus', 'botType'];
/** Most answers come sooner: a spinner that flashes for a moment only costs time and distracts. */
const LOADING_DELAY_MS = 200;
/**
 * Failures already reported: one failed read is one `juzi-error` on the page, however many
 * elements show it (a page that toasts on `juzi-error` toasts once).
 */
const reported = new WeakSet<JuziError>();

/**
 * @summary Shows the current chat: name, single or group, external, the bot, whether it is online, and its type.
 * @tag juzi-chat-info
 *
 * @csspart base - The wrapper of every state.
 * @csspart name - The chat name.
 * @csspart badge - Each badge (type, external).
 * @csspart type - The single / group badge.
 * @csspart external - The external / internal badge.
 * @csspart bot - The bot line.
 * @csspart bot-name - The bot's name.
 * @csspart bot-status - Online / offline, in words.
 * @csspart bot-type - WeChat / WeCom / official account / WhatsApp.
 * @csspart spinner - The loading indicator.
 * @csspart error - The error message and retry button (no chat known).
 * @csspart notice - The quiet notice, below a chat still shown, that re-reading it failed; with a retry button.
 * @csspart retry - The retry button (in `error` or `notice`).
 *
 * @cssproperty --juzi-chat-info-background - Background (default transparent).
 * @cssproperty --juzi-chat-info-padding - Padding (default 8px 0).
 * @cssproperty --juzi-chat-info-name-size - Font size of the name (default 1.1em).
 * @cssproperty --juzi-chat-info-badge-background - Badge background.
 *
 * @fires juzi-chat-change - On the first chat read, then whenever the chat id changes. Detail `{ chat }`.
 * @fires juzi-error - When the chat cannot be read. Detail `{ error }`. Once per failure on the page: from the first element that shows it, not from the others showing it, nor from one connected later.
 */
export class JuziChatInfo extends JuziElement {
  static override styles = [JuziElement.styles, buttonStyles, chatInfoStyles];

  /** Which fields to show, space- or comma-separated (`name type external botName botStatus botType`); all when empty. */
  @property() fields = '';

  readonly #chat = new ChatContextController(this, (context) => this.#onContext(context));
  #lastChatId?: string;
  #loadingTimer?: ReturnType<typeof setTimeout>;

  /** Whether loading has lasted long enough to show the spinner and its words. */
  @state() private slow = false;

  /** The chat shown, once read. */
  get chat(): ChatInfo | undefined {
    return this.#chat.context.chat;
  }

  /** Reads the current chat again (what the retry button does). */
  refresh(): void {
    this.activeBridge.refresh().catch(() => {
      // The failure reaches this element (and every other) through the context.
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLoadingTimer();
  }

  protected override willUpdate(): void {
    const { status, chat } = this.#chat.context;
    if (!chat && status !== 'error') this.#loadingTimer ??= setTimeout(() => (this.slow = true), LOADING_DELAY_MS);
    else this.#stopLoadingTimer();
  }

  #stopLoadingTimer(): void {
    clearTimeout(this.#loadingTimer);
    this.#loadingTimer = undefined;
    this.slow = false;
  }

  #onContext({ status, chat, error }: ChatContext): void {
    if (status === 'ready' && chat && chat.id !== this.#lastChatId) {
      this.#lastChatId = chat.id;
      this.emit(new JuziChatChangeEvent({ chat }));
    }
    // Another element (maybe one since removed) may have reported it: shown, not reported again.
    if (status === 'error' && error && !reported.has(error)) {
      reported.add(error);
      this.emitError(error);
    }
  }

  protected override render() {
    const { status, chat, error } = this.#chat.context;
    const t = this.t;
    // With a chat still known (a re-read failed, no switch since), the chat stays up.
    if (status === 'error' && error && !chat) {
      return html`<div part="base error" class="base error" role="alert">
        ${t.chatError} ${this.describeError(error)}
        <button part="retry" class="button" type="button" @click=${this.refresh}>${t.retry}</button>
      </div>`;
    }
    if (!chat) {
      // Quiet at first: most answers come before a spinner would be worth drawing.
      return this.slow
        ? html`<div part="base" class="base loading" aria-busy="true">
            <span part="spinner" class="spinner" aria-hidden="true"></span>${t.loading}
          </div>`
        : nothing;
    }
    // Unknown names in `fields` are ignored; none known shows every field.
    // Removing the attribute sets the property to null.
    const picked = (this.fields ?? '').split(/[\s,]+/).filter((f) => allFields.includes(f as ChatInfoField));
    const show = (...fields: ChatInfoField[]) => !picked.length || fields.some((f) => picked.includes(f));
    const span = (field: ChatInfoField, part: string, content: unknown, status: string | typeof nothing = nothing) =>
      show(field) ? html`<span part=${part} data-status=${status}>${content}</span>` : nothing;
    const unknown = (value: number) => `${t.unknown} (${value})`;
    const statusKey = (['', 'offline', 'online'] as const)[chat.botStatus] || 'unknown';
    const header = [
      span('name', 'name', chat.name),
      span('type', 'badge type', [t.single, t.group][chat.type] ?? unknown(chat.type)),
      span('external', 'badge external', chat.external ? t.external : t.internal),
    ];
    const bot = [
      span('botName', 'bot-name', `${t.bot}: ${chat.botName}`),
      span('botStatus', 'bot-status', statusKey === 'unknown' ? unknown(chat.botStatus) : t[statusKey], statusKey),
      span('botType', 'bot-type', t.botTypes[chat.botType] ?? unknown(chat.botType)),
    ];
    return html`<div part="base" class="base" role="group" aria-label=${t.currentChat}>
      <div>${header}</div>
      ${show('botName', 'botStatus', 'botType') ? html`<div part="bot">${bot}</div>` : nothing}
      ${status === 'error' && error
        ? html`<p part="notice" class="notice">
            ${t.refreshFailed} ${this.describeError(error)}
            <button part="retry" class="button retry" type="button" @click=${this.refresh}>${t.retry}</button>
          </p>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-chat-info': JuziChatInfo;
  }
}
