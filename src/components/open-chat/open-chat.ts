import { property } from 'lit/decorators.js';
import type { OpenEnterpriseChatParams } from '../../bridge/schemas.js';
import { JuziChatOpenedEvent, type JuziChatOpenedDetail } from '../../events.js';
import { JuziButtonElement } from '../../internal/button-element.js';
import { openChatStyles } from './open-chat.styles.js';

/** `a; b,c` or `[' a ', '']` → `['a', 'b', 'c']` / `['a']`: trimmed, empties dropped. */
const toIdList = (ids: string | readonly string[] | null | undefined): string[] =>
  [ids].flat().join(';').split(/[;,]/).map((id) => id.trim()).filter(Boolean);

/**
 * Opens a chat in the workbench when activated: with members (`user-ids`), external
 * contacts (`external-user-ids`) and/or a group (`chat-id`). Lists are separated by
 * `;` or `,`. The element does not check them: with no member the bridge refuses the
 * call with `invalid-params`, reported as `juzi-error`, before the host is called.
 *
 * @summary A button that opens a chat with the given people or group.
 * @tag juzi-open-chat
 *
 * @slot - The label; defaults to 打开会话 / Open chat in the element's language.
 *
 * @csspart base - The native button.
 * @csspart spinner - The spinner shown while the host works.
 * @csspart label - The wrapper around the label slot.
 * @csspart status - The polite live region saying opened or failed (visually hidden).
 *
 * @cssproperty --juzi-open-chat-background - Button background (default `--juzi-color-primary`).
 * @cssproperty --juzi-open-chat-color - Button text colour (default `--juzi-color-on-primary`).
 * @cssproperty --juzi-open-chat-radius - Button corner radius (default `--juzi-radius`).
 *
 * @fires juzi-chat-opened - The host opened the chat, with `{ userIds, externalUserIds, chatId? }`.
 * @fires juzi-error - Opening failed, with `{ error }`; the element is ready to retry.
 */
export class JuziOpenChat extends JuziButtonElement {
  static override styles = [JuziButtonElement.styles, openChatStyles];

  /** Member userIds: an array, or a `;`/`,` separated list. */
  @property({ attribute: 'user-ids' }) userIds: string | string[] = '';

  /** External contact userIds: an array, or a `;`/`,` separated list. */
  @property({ attribute: 'external-user-ids' }) externalUserIds: string | string[] = '';

  /** A group chat id. */
  @property({ attribute: 'chat-id' }) chatId = '';

  /**
   * Opens the chat, as a click does. Resolves true when opened, false when disabled;
   * rejects with the JuziError `juzi-error` reported.
   */
  open(): Promise<boolean> {
    if (this.disabled) return Promise.resolve(false);
    const userIds = toIdList(this.userIds);
    const externalUserIds = toIdList(this.externalUserIds);
    // Removing the attribute sets the property to null.
    const chatId = String(this.chatId ?? '').trim();
    // No member is still sent: the bridge's own check refuses it, so pages get one error path.
    const params: OpenEnterpriseChatParams = { userIds };
    if (externalUserIds.length) params.externalUserIds = externalUserIds;
    if (chatId) params.chatId = chatId;
    const detail: JuziChatOpenedDetail = { userIds, externalUserIds };
    if (chatId) detail.chatId = chatId;
    return this.action.run(() => this.activeBridge.openEnterpriseChat(params), {
      done: this.t.opened,
      failed: this.t.openFailed,
      event: () => new JuziChatOpenedEvent(detail),
      then: () => true,
    }) as Promise<boolean>;
  }

  protected override get label(): string {
    return this.t.openChat;
  }

  protected override activate(): Promise<boolean> {
    return this.open();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-open-chat': JuziOpenChat;
  }
}
