import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChatContext } from '../../bridge/bridge.js';
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
 * @csspart error - The error message and retry button.
 * @csspart retry - The retry button.
 *
 * @cssproperty --juzi-chat-info-background - Background (default transparent).
 * @cssproperty --juzi-chat-info-padding - Padding (default 8px 0).
 * @cssproperty --juzi-chat-info-name-size - Font size of the name (default 1.1em).
 * @cssproperty --juzi-chat-info-badge-background - Badge background.
 *
 * @fires juzi-chat-change - On the first chat read, then whenever the chat id changes. Detail `{ chat }`.
 * @fires juzi-error - When the chat cannot be read. Detail `{ error }`.
 */
export class JuziChatInfo extends JuziElement {
  static override styles = [JuziElement.styles, buttonStyles, chatInfoStyles];

  /** Which fields to show, space- or comma-separated (`name type external botName botStatus botType`); all when empty. */
  @property() fields = '';

  readonly #chat = new ChatContextController(this, (context) => this.#onContext(context));
  #lastChatId?: string;
  #lastError?: unknown;
  #loadingTimer?: ReturnType<typeof setTimeout>;
  #shownFor?: { fields: string; shown: ReadonlySet<ChatInfoField> };

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
    const loading = !chat && status !== 'error';
    if (loading) this.#loadingTimer ??= setTimeout(() => (this.slow = true), LOADING_DELAY_MS);
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
    if (status === 'error' && error && error !== this.#lastError) {
      this.#lastError = error;
      this.emitError(error);
    }
  }

  #shown(): ReadonlySet<ChatInfoField> {
    if (this.fields === this.#shownFor?.fields) return this.#shownFor.shown;
    const picked = this.fields.split(/[\s,]+/).filter((f): f is ChatInfoField => allFields.includes(f as ChatInfoField));
    const shown = new Set(picked.length ? picked : allFields);
    this.#shownFor = { fields: this.fields, shown };
    return shown;
  }

  protected override render() {
    const { status, chat, error } = this.#chat.context;
    const t = this.t;
    if (status === 'error' && error) {
      return html`<div part="base error" class="base error" role="alert">
        <p>${t.chatError} ${this.describeError(error)}</p>
        <button part="retry" class="button" type="button" @click=${this.refresh}>${t.retry}</button>
      </div>`;
    }
    if (!chat) {
      // Quiet at first: most answers come before a spinner would be worth drawing.
      if (!this.slow) return nothing;
      return html`<div part="base" class="base loading" aria-busy="true">
        <span part="spinner" class="spinner" aria-hidden="true"></span><span>${t.loading}</span>
      </div>`;
    }
    const show = this.#shown();
    const unknown = (value: number) => `${t.unknown} (${value})`;
    const type = chat.type === 0 ? t.single : chat.type === 1 ? t.group : unknown(chat.type);
    const statusWord = chat.botStatus === 2 ? t.online : chat.botStatus === 1 ? t.offline : unknown(chat.botStatus);
    const statusKey = chat.botStatus === 2 ? 'online' : chat.botStatus === 1 ? 'offline' : 'unknown';
    const botType = t.botTypes[chat.botType] ?? unknown(chat.botType);
    const botLine = show.has('botName') || show.has('botStatus') || show.has('botType');
    return html`<div part="base" class="base" role="group" aria-label=${t.currentChat}>
      <div class="header">
        ${show.has('name') ? html`<span part="name" class="name">${chat.name}</span>` : nothing}
        ${show.has('type') ? html`<span part="badge type" class="badge">${type}</span>` : nothing}
        ${show.has('external')
          ? html`<span part="badge external" class="badge">${chat.external ? t.external : t.internal}</span>`
          : nothing}
      </div>
      ${botLine
        ? html`<div part="bot" class="bot">
            ${show.has('botName') ? html`<span part="bot-name">${t.bot}: ${chat.botName}</span>` : nothing}
            ${show.has('botStatus')
              ? html`<span part="bot-status" class="status" data-status=${statusKey}>${statusWord}</span>`
              : nothing}
            ${show.has('botType') ? html`<span part="bot-type">${botType}</span>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-chat-info': JuziChatInfo;
  }
}
