import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isJuziError, JuziError, type JuziIssue } from '../../bridge/errors.js';
import { isHttpUrl, type ChatInfo, type SendMessage } from '../../bridge/schemas.js';
import { JuziBeforeSendEvent, JuziSentEvent } from '../../events.js';
import { ActionController } from '../../internal/action-controller.js';
import { ChatContextController } from '../../internal/chat-context-controller.js';
import { wordsOf } from '../../internal/i18n.js';
import { JuziElement } from '../../internal/juzi-element.js';
import { buttonStyles } from '../../internal/styles.js';
import { listWindow } from './list-window.js';
import { quickRepliesMessages } from './quick-replies.messages.js';
import { quickRepliesStyles } from './quick-replies.styles.js';
import { checkReplies, libraryItems, messageOf, messageText, thumbnailOf, type QuickReply } from './replies.js';
import { matchesTerms, queryTerms, searchableText } from './search.js';
import { fillMessage, fillText, readsChat, type MissingValue, type TemplateValues } from './templates.js';

/**
 * A reply as listed, once checked. Its message and folded search text are worked out when
 * first needed (a row drawn, a search), so a large library shows at once.
 */
class Entry {
  #message?: SendMessage;
  haystack?: string;
  constructor(readonly reply: QuickReply) {}
  get message(): SendMessage {
    return (this.#message ??= messageOf(this.reply));
  }
}

/** Where the `src` library is: not asked for, on its way, here, or failed. */
export type QuickRepliesStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A page's own matcher: true keeps the reply. Gets the query as typed. */
export type QuickReplyFilter = (reply: QuickReply, query: string) => boolean;

const ignore = () => {};

/** Replies checked before the list first shows: a screenful and more, so a large library shows at once. */
const FIRST_CHECKED = 200;

/** A row's send state as parts and `data-state` name it. */
const rowStates = { pending: 'sending', done: 'sent', failed: 'failed' } as const;

/**
 * The reply library (话术库): prepared replies an agent sends to the current chat with
 * one click or Enter, grouped and searchable. Placeholders such as `{{chat.name}}` are
 * filled from the current chat (and `vars`) when the reply is sent; the rows show the
 * filled text. The list is virtualised, so a library of 10,000 replies stays quick.
 *
 * Data: the `replies` property, or `src`, the URL of a JSON array of replies (or of
 * `{ "replies": [...] }`). Invalid items are left out and reported together as one
 * `juzi-error` (`invalid-params`) whose `issues` name each item's index and field. A
 * library of more than 200 items shows its first 200 at once and checks the rest in the
 * next idle moment, or as soon as a search, a group, End, `send()` or a getter needs them;
 * the report comes then.
 *
 * Keyboard: type in the search box; ArrowUp / ArrowDown move the active reply, Home /
 * End (in the list) go to the first / last, Enter sends it, Escape clears the search.
 *
 * @summary A searchable, grouped library of prepared replies; activating one sends it to the current chat.
 * @tag juzi-quick-replies
 *
 * @csspart base - The wrapper of everything.
 * @csspart search - The search box.
 * @csspart groups - The row of group buttons.
 * @csspart group - Each group button (`全部` / All first); the chosen one has `aria-pressed="true"`.
 * @csspart list - The scrolling listbox of replies.
 * @csspart row - Each reply; also `row-active` on the active one and `row-sending`, `row-sent` or `row-failed` after a send.
 * @csspart thumbnail - The picture of an image, link-card or mini-program reply.
 * @csspart title - A reply's title.
 * @csspart kind - What kind of message a reply is (text, image, …), in words.
 * @csspart row-group - The group a reply is in.
 * @csspart text - The message as the customer will get it (placeholders filled).
 * @csspart row-status - Sending, sent, or why it failed.
 * @csspart notice - Loading, an empty library, or no search results, in words.
 * @csspart error - The load failure and its retry button.
 * @csspart retry - The retry button of a failed load.
 * @csspart status - The polite live region announcing results and outcomes (visually hidden).
 *
 * @cssproperty --juzi-quick-replies-height - Height of the scrolling list (default 420px).
 * @cssproperty --juzi-quick-replies-background - Background (default `--juzi-color-surface`).
 * @cssproperty --juzi-quick-replies-radius - Corner radius of the frame (default `--juzi-radius`).
 * @cssproperty --juzi-quick-replies-row-hover-background - Background of a row under the pointer.
 * @cssproperty --juzi-quick-replies-row-active-background - Background of the active row.
 * @cssproperty --juzi-quick-replies-thumbnail-size - Width and height of a thumbnail (default 40px).
 *
 * @fires juzi-before-send - Before the host is called, with `{ message, reply }` (the filled message); cancelable: `preventDefault()` stops the send.
 * @fires juzi-sent - The host accepted the message, with `{ message, reply }`.
 * @fires juzi-error - A send failed (`{ error, message?, reply }`; a placeholder without a value is `invalid-params` naming it), the `src` library could not be loaded (`network`, `invalid-response`), or items were left out (`invalid-params`, once per library).
 */
export class JuziQuickReplies extends JuziElement {
  static override styles = [JuziElement.styles, buttonStyles, quickRepliesStyles];

  /** The library. Set it from script, or let `src` fill it. Invalid items are skipped and reported. */
  @property({ attribute: false }) replies: QuickReply[] = [];

  /** URL of the library as JSON: an array of replies, or `{ "replies": [...] }`. */
  @property() src?: string;

  /** The search, as in the search box (typing there updates it). */
  @property({ reflect: true }) query = '';

  /** Shows only this group; empty for all groups. */
  @property({ reflect: true }) group = '';

  /** The page's values for `{{key}}` placeholders. */
  @property({ attribute: false }) vars: Record<string, unknown> = {};

  /** Replaces the built-in search: return true to keep a reply. Called only for a non-blank query. */
  @property({ attribute: false }) filter?: QuickReplyFilter;

  /** Stops the element from sending. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Sends one reply at a time; keeps each row's outcome (keyed by reply id) and the sentence to announce. */
  readonly #action = new ActionController(this, (error) => this.#reason(error));

  /** True while a reply is being sent (reflected as the `busy` attribute, for CSS). */
  get busy(): boolean {
    return this.#action.busy;
  }

  /** Where the `src` library is: `idle` (no `src`), `loading`, `ready` or `error`. */
  @state() status: QuickRepliesStatus = 'idle';

  @state() private loadError?: JuziError;
  @state() private active = 0;
  @state() private announcement = '';

  /** The element's own words, in its `lang` (as `t`). */
  get #t() {
    return wordsOf(this, quickRepliesMessages);
  }

  /** The scrolling listbox, once rendered. */
  get #list(): HTMLElement | null {
    return this.renderRoot.querySelector('.list');
  }

  readonly #chat = new ChatContextController(this);
  /** Sentences for the refusals the element makes itself (a placeholder without a value). */
  readonly #reasons = new WeakMap<JuziError, string>();
  #actionSaid = '';
  #entries: Entry[] = [];
  /** Checks the rest of the library while part of it is still unchecked. */
  #checkRest?: () => void;
  #shown: Entry[] = [];
  #groups: string[] = [];
  #issues?: JuziIssue[];
  #load?: AbortController;
  // The list window: measured from the rendered list and its first row (estimates until then).
  #scrollY = 0;
  #scrollPending = false;
  #viewport = 420;
  #rowHeight = 77;
  readonly #resize = new ResizeObserver(() => this.#measure());

  /** The replies the search and group show now, in order. */
  get shownReplies(): QuickReply[] {
    this.#checkRest?.();
    return this.#shown.map((entry) => entry.reply);
  }

  /** The groups present in the library, in the order they first appear. */
  get groups(): string[] {
    this.#checkRest?.();
    return [...this.#groups];
  }

  /** Loads `src` again (what the retry button does). */
  reload(): void {
    void this.#fetch();
  }

  /**
   * Sends a reply (or the reply with that id) as activating its row does: fills its
   * placeholders from the current chat (waiting for it if it is still being read) and
   * `vars`, fires `juzi-before-send`, then sends. Resolves true when sent; false when
   * disabled, cancelled, or while another send is under way. Rejects with the JuziError
   * reported as `juzi-error`.
   */
  async send(reply: QuickReply | string): Promise<boolean> {
    const id = typeof reply === 'string' ? reply : reply?.id;
    this.#checkRest?.();
    const entry = this.#entries.find((e) => e.reply.id === id);
    const t = this.#t;
    if (!entry) {
      const words = t.noReply(String(id));
      throw this.emitError(new JuziError('invalid-params', this.localName, words, { issues: [{ path: ['id'], message: words }] }));
    }
    if (this.disabled || this.#action.pending) return false;
    const bridge = this.activeBridge;
    const context = this.#chat.context;
    let chat = context.chat;
    let refusal: unknown;
    if (readsChat(entry.message) && context.status !== 'ready') {
      try {
        chat = await bridge.refresh();
      } catch (error) {
        refusal = error;
      }
      // Another activation may have started a send while the chat was read.
      if (this.#action.pending) return false;
    }
    let message: SendMessage | undefined;
    if (!refusal) {
      const filled = fillMessage(entry.message, this.#values(chat));
      if (filled.missing.length) refusal = this.#missingValues(filled.missing);
      else message = filled.value;
    }
    const { title } = entry.reply;
    const sent = await this.#action.run(
      () => (refusal === undefined ? bridge.sendChatMessage(message!) : Promise.reject(refusal)),
      {
        // A refusal goes on to fail as the work, so it is reported like any failed send.
        before: () => refusal !== undefined || !this.emit(new JuziBeforeSendEvent({ message: message!, reply: entry.reply })).defaultPrevented,
        done: t.sentReply(title),
        failed: t.failedReply(title),
        event: () => new JuziSentEvent({ message: message!, reply: entry.reply }),
        errorDetail: { reply: entry.reply, ...(message && { message }) },
        then: () => true,
      },
      id,
    );
    return sent ?? false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A load cut short by an earlier disconnect starts again.
    if (this.src && this.status === 'loading' && !this.#load) void this.#fetch();
    if (this.hasUpdated) this.#finishWhenIdle();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#load?.abort();
    this.#load = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.toggleAttribute('busy', this.busy);
    // The newest sentence wins the live region: a send's outcome, or the count of a search.
    if (this.#action.announcement !== this.#actionSaid) {
      this.#actionSaid = this.#action.announcement;
      if (this.#actionSaid) this.announcement = this.#actionSaid;
    }
    if (changed.has('src')) void this.#fetch();
    if (changed.has('replies')) this.#index();
    if (changed.has('replies') || changed.has('query') || changed.has('group') || changed.has('filter')) {
      this.#select();
      this.active = 0;
      this.#scrollTo(0);
      if (this.query.trim()) this.announcement = this.#t.results(this.#shown.length);
    }
    if (this.active >= this.#shown.length) this.active = Math.max(0, this.#shown.length - 1);
  }

  protected override firstUpdated(): void {
    this.#resize.observe(this.#list!);
  }

  protected override updated(): void {
    this.#measure();
    const list = this.#list;
    if (this.#scrollPending && list) {
      this.#scrollPending = false;
      if (list.scrollTop !== this.#scrollY) list.scrollTop = this.#scrollY;
    }
    if (this.#issues) {
      const issues = this.#issues;
      this.#issues = undefined;
      this.emitError(new JuziError('invalid-params', this.localName, undefined, { issues }));
    }
  }

  override render(): TemplateResult {
    const t = this.#t;
    const shown = this.#shown;
    const activeId = shown.length ? this.#optionId(this.active) : '';
    return html`<div part="base" class="base">
      <input
        part="search"
        class="search"
        id="search"
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="list"
        aria-autocomplete="list"
        aria-label=${t.search}
        aria-activedescendant=${activeId || nothing}
        placeholder=${t.searchPlaceholder}
        autocomplete="off"
        .value=${this.query}
        @input=${this.#handleInput}
        @keydown=${this.#handleKeydown}
      />
      ${this.#renderGroups()} ${this.#renderNotice()}
      <div
        part="list"
        class="list"
        id="list"
        role="listbox"
        tabindex="0"
        aria-label=${t.list}
        aria-activedescendant=${activeId || nothing}
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-disabled=${this.disabled ? 'true' : 'false'}
        @keydown=${this.#handleKeydown}
        @click=${this.#handleClick}
        @scroll=${this.#handleScroll}
      >
        <div class="spacer" role="none" style=${`height:${shown.length * this.#rowHeight}px`}>
          ${this.#renderWindow()}
        </div>
      </div>
      <span part="status" class="visually-hidden" role="status">${this.announcement}</span>
    </div>`;
  }

  #renderGroups(): TemplateResult | typeof nothing {
    if (!this.#groups.length) return nothing;
    const t = this.#t;
    const button = (value: string, label: string) =>
      html`<button part="group" class="group" type="button" aria-pressed=${this.group === value ? 'true' : 'false'} @click=${() => (this.group = value)}>${label}</button>`;
    return html`<div part="groups" class="groups" role="group" aria-label=${t.groups}>
      ${button('', t.all)}${this.#groups.map((group) => button(group, group))}
    </div>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const t = this.#t;
    if (this.status === 'error' && this.loadError) {
      return html`<p part="error" class="error">
        <span>${t.loadFailed}${this.#loadReason(this.loadError)}</span>
        <button part="retry" class="button" type="button" @click=${this.reload}>${this.t.retry}</button>
      </p>`;
    }
    let text = '';
    if (this.status === 'loading') text = t.loading;
    else if (!this.#entries.length) text = t.empty;
    else if (!this.#shown.length) text = this.query.trim() ? t.noMatch(this.query.trim()) : t.emptyGroup(this.group);
    return text ? html`<p part="notice" class="notice">${text}</p>` : nothing;
  }

  /** Only the rows in (and just around) the scrolled viewport are rendered. */
  #renderWindow(): TemplateResult[] {
    const { first, end } = this.#window();
    const values = this.#values(this.#chat.context.chat);
    const rows: TemplateResult[] = [];
    for (let index = first; index < end; index++) rows.push(this.#renderRow(this.#shown[index]!, index, values));
    return rows;
  }

  #window() {
    return listWindow(this.#scrollY, this.#viewport, this.#rowHeight, this.#shown.length);
  }

  #renderRow({ reply, message }: Entry, index: number, values: TemplateValues): TemplateResult {
    const t = this.#t;
    const text = fillText(messageText(message), values);
    const picture = thumbnailOf(message);
    const filledPicture = picture === undefined ? undefined : fillText(picture, values, true);
    // A picture with a placeholder still unfilled, or that is not http(s) once filled, is left out.
    const thumbnail = filledPicture && !filledPicture.missing.length && isHttpUrl(filledPicture.value) ? filledPicture.value : undefined;
    const row = this.#action.state(reply.id);
    const activeRow = index === this.active;
    const state = row && rowStates[row.status];
    const parts = `row${activeRow ? ' row-active' : ''}${state ? ` row-${state}` : ''}`;
    let rowStatus: string | undefined;
    if (row?.status === 'pending') rowStatus = t.sending;
    else if (row?.status === 'done') rowStatus = t.sent;
    else if (row?.status === 'failed') rowStatus = `${this.#reason(row.error!)} ${t.retryHint}`;
    return html`<div
      part=${parts}
      class="row"
      role="option"
      id=${this.#optionId(index)}
      data-index=${index}
      data-state=${state ?? nothing}
      aria-selected=${activeRow ? 'true' : 'false'}
      aria-setsize=${this.#shown.length}
      aria-posinset=${index + 1}
      style=${`top:${index * this.#rowHeight}px`}
    >
      ${thumbnail
        ? html`<img part="thumbnail" class="thumbnail" src=${thumbnail} alt="" loading="lazy" referrerpolicy="no-referrer" />`
        : nothing}
      <div class="body">
        <div class="head">
          <span part="title" class="title">${reply.title}</span>
          <span part="kind" class="badge">${t.kinds[message.msgtype] ?? message.msgtype}</span>
          ${reply.group ? html`<span part="row-group" class="badge">${reply.group}</span>` : nothing}
          ${rowStatus && row?.status !== 'failed' ? html`<span part="row-status" class="row-status">${rowStatus}</span>` : nothing}
        </div>
        ${row?.status === 'failed'
          ? html`<div part="row-status" class="text row-status">${rowStatus}</div>`
          : html`<div part="text" class="text">${text.value}</div>`}
      </div>
    </div>`;
  }

  #optionId(index: number): string {
    return `reply-${index}`;
  }

  #values(chat: ChatInfo | undefined): TemplateValues {
    return { chat, vars: this.vars };
  }

  #loadReason(error: JuziError): string {
    return error.code === 'network' ? (error.errMsg ?? error.message) : this.describeError(error);
  }

  /**
   * Checks the library once per change and lists what it can. Only the first replies are
   * checked before the list shows; the rest in the next idle moment, or at once when a search,
   * a group, End, `send()` or a getter needs the whole library.
   */
  #index(): void {
    const items = Array.isArray(this.replies) ? this.replies : [];
    const first = Math.min(items.length, FIRST_CHECKED);
    const check = checkReplies(items, 0, first);
    if (!Array.isArray(this.replies)) check.issues.push({ path: [], message: 'replies must be an array' });
    const entries: Entry[] = (this.#entries = []);
    const groups = new Set<string>();
    const list = () => {
      for (const reply of check.replies.slice(entries.length)) {
        entries.push(new Entry(reply));
        if (reply.group) groups.add(reply.group);
      }
      this.#groups = [...groups];
    };
    const rest = () => {
      this.#checkRest = undefined;
      checkReplies(items, first, items.length, check);
      list();
      if (check.issues.length) this.#issues = check.issues;
      this.requestUpdate();
    };
    this.#action.clear();
    list();
    // A first slice with nothing to show would say "empty" for a moment: check it all now.
    if (first < items.length && entries.length) this.#checkRest = rest;
    else rest();
    this.#finishWhenIdle();
  }

  /**
   * In the next idle moment after the list shows: checks the rest of the library, then folds
   * every reply's search text, so the first keystroke is as quick as the rest. A search before
   * then does both for what it reads.
   */
  #finishWhenIdle(): void {
    const entries = this.#entries;
    // Safari 15 has no requestIdleCallback: a timer, then.
    (globalThis.requestIdleCallback ?? setTimeout)(() => {
      if (this.#entries === entries && this.isConnected) {
        this.#checkRest?.();
        for (const entry of entries) entry.haystack ??= haystackOf(entry);
      }
    });
  }

  /** The rows for the current group and query. */
  #select(): void {
    const { group, filter } = this;
    const query = this.query ?? '';
    if (group || query.trim()) this.#checkRest?.();
    const inGroup = group ? this.#entries.filter((entry) => entry.reply.group === group) : this.#entries;
    if (!query.trim()) {
      this.#shown = inGroup;
    } else if (filter) {
      this.#shown = inGroup.filter((entry) => filter(entry.reply, query));
    } else {
      const terms = queryTerms(query);
      // Folded while idle; a search before then folds what it reads.
      this.#shown = inGroup.filter((entry) => matchesTerms((entry.haystack ??= haystackOf(entry)), terms));
    }
  }

  async #fetch(): Promise<void> {
    this.#load?.abort();
    this.#load = undefined;
    const { src } = this;
    if (!src) {
      this.status = 'idle';
      return;
    }
    const load = new AbortController();
    this.#load = load;
    this.status = 'loading';
    this.loadError = undefined;
    try {
      const items = await fetchLibrary(src, load.signal, this.localName);
      if (load.signal.aborted) return;
      this.replies = items as QuickReply[];
      this.status = 'ready';
    } catch (error) {
      if (load.signal.aborted) return;
      const juziError = isJuziError(error)
        ? error
        : new JuziError('network', this.localName, String(error), { errMsg: String(error), cause: error });
      this.loadError = juziError;
      this.status = 'error';
      this.emitError(juziError);
    } finally {
      if (this.#load === load) this.#load = undefined;
    }
  }

  /** The refusal of a send whose placeholders have no value: `invalid-params` naming each. */
  #missingValues(missing: MissingValue[]): JuziError {
    const names = [...new Set(missing.map((m) => `{{${m.name}}}`))].join(', ');
    const error = new JuziError('invalid-params', 'sendChatMessage', `no value for ${names}`, {
      issues: missing.map((m) => ({ path: m.path, message: `{{${m.name}}} has no value` })),
    });
    this.#reasons.set(error, this.#t.missing(names));
    return error;
  }

  /** Why a send failed, in the element's language. */
  #reason(error: JuziError): string {
    return this.#reasons.get(error) ?? this.describeError(error);
  }

  #handleInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
  };

  #handleClick = (event: MouseEvent): void => {
    const row = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (!row) return;
    this.active = Number(row.dataset['index']);
    this.#sendActive();
  };

  #handleKeydown = (event: KeyboardEvent): void => {
    // Enter and Escape also end an IME composition (pinyin input): those keys are the IME's.
    if (event.isComposing || event.keyCode === 229) return;
    const inList = event.currentTarget === this.#list;
    const last = this.#shown.length - 1;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(this.active + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(this.active - 1, 0);
        break;
      case 'Home':
        if (inList) next = 0;
        break;
      case 'End':
        if (inList) {
          // The last reply of the whole library, checked or not yet.
          this.#checkRest?.();
          next = this.#shown.length - 1;
        }
        break;
      case 'Enter':
        event.preventDefault();
        this.#sendActive();
        return;
      case 'Escape':
        if (!this.query) return;
        event.preventDefault();
        this.query = '';
        if (inList) this.renderRoot.querySelector<HTMLInputElement>('.search')!.focus();
        return;
    }
    if (next === undefined || last < 0) return;
    event.preventDefault();
    this.active = next;
    this.#reveal(next);
  };

  #sendActive(): void {
    const entry = this.#shown[this.active];
    if (entry) this.send(entry.reply).catch(ignore);
  }

  /** Scrolls the list just enough to show row `index`. */
  #reveal(index: number): void {
    const top = index * this.#rowHeight;
    if (top < this.#scrollY) this.#scrollTo(top);
    else if (top + this.#rowHeight > this.#scrollY + this.#viewport) this.#scrollTo(top + this.#rowHeight - this.#viewport);
  }

  /**
   * Scrolls once the rows are rendered: writing `scrollTop` while the DOM is out of date makes
   * the browser lay the page out an extra time on every keystroke.
   */
  #scrollTo(y: number): void {
    this.#scrollY = Math.max(0, y);
    this.#scrollPending = true;
    this.requestUpdate();
  }

  #handleScroll = (): void => {
    const before = this.#window();
    this.#scrollY = this.#list!.scrollTop;
    const after = this.#window();
    if (before.first !== after.first || before.end !== after.end) this.requestUpdate();
  };

  /** Reads the list's height and a row's height; a change (font, sidebar size) renders again. */
  #measure(): void {
    const list = this.#list;
    const row = list?.querySelector<HTMLElement>('.row');
    const viewport = list?.clientHeight ?? 0;
    const rowHeight = row?.offsetHeight ?? 0;
    // Zero while hidden or not laid out: keep the last reading.
    if ((viewport > 0 && viewport !== this.#viewport) || (rowHeight > 0 && rowHeight !== this.#rowHeight)) {
      this.#viewport = viewport || this.#viewport;
      this.#rowHeight = rowHeight || this.#rowHeight;
      this.requestUpdate();
    }
  }
}

function haystackOf(entry: Entry): string {
  const { reply } = entry;
  // A text reply's words are its string: no message object is made for a row never drawn.
  const text = typeof reply.message === 'string' ? reply.message : messageText(entry.message);
  return searchableText([reply.title, text, ...(reply.keywords ?? []), reply.group]);
}

/** Fetches and unwraps a library; every failure is a JuziError. */
async function fetchLibrary(src: string, signal: AbortSignal, api: string): Promise<unknown[]> {
  let response: Response;
  try {
    response = await fetch(src, { signal, headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new JuziError('network', api, `could not fetch ${src}`, { errMsg: String(cause), cause });
  }
  if (!response.ok) {
    const words = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new JuziError('network', api, `${src}: ${words}`, { errMsg: words });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new JuziError('invalid-response', api, `${src} is not JSON`, {
      issues: [{ path: [], message: `${src} is not JSON` }],
      cause,
    });
  }
  const items = libraryItems(json);
  if (!items) {
    throw new JuziError('invalid-response', api, undefined, {
      issues: [{ path: [], message: 'expected an array of replies or { "replies": [...] }' }],
    });
  }
  return items;
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-quick-replies': JuziQuickReplies;
  }
}
