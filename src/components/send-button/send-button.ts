import { property } from 'lit/decorators.js';
import type { MsgType, SendMessage } from '../../bridge/schemas.js';
import { JuziBeforeSendEvent, JuziSentEvent } from '../../events.js';
import { JuziButtonElement } from '../../internal/button-element.js';
import { sendButtonStyles } from './send-button.styles.js';

/**
 * Each msgtype's body: the fields read from the element, `?` marking an optional one.
 * `title` is the element's `title` attribute; the others are its properties.
 */
const bodies: Record<string, string> = {
  text: 'content',
  image: 'url title?',
  video: 'url title?',
  file: 'url title?',
  news: 'link title? desc? imgUrl?',
  miniprogram: 'appid title imgUrl page desc iconUrl officialAccountId',
};

/**
 * Sends one message to the current chat when activated.
 *
 * The message comes from the `message` property if set, else from the attributes:
 * `msgtype` (`text` default, `image`, `video`, `file`, `news`, `miniprogram`) picks
 * which of `content`, `url`, `title`, `link`, `desc`, `img-url`, `appid`, `page`,
 * `icon-url` and `official-account-id` are used. `title` is the element's own HTML
 * `title` attribute (so it also shows as the host's tooltip). The element does not check
 * the message: the bridge refuses a malformed one with `invalid-params`, reported as
 * `juzi-error`, before the host is called.
 *
 * @summary A button that sends one message to the current chat.
 * @tag juzi-send-button
 *
 * @attribute title - Title of an `image`, `video`, `file`, `news` or `miniprogram` message (the element's own HTML `title`).
 *
 * @slot - The label; defaults to 发送 / Send in the element's language.
 *
 * @csspart base - The native button.
 * @csspart spinner - The spinner shown while the host works.
 * @csspart label - The wrapper around the label slot.
 * @csspart status - The polite live region saying sent or failed (visually hidden).
 *
 * @cssproperty --juzi-send-button-background - Button background (default `--juzi-color-primary`).
 * @cssproperty --juzi-send-button-color - Button text colour (default `--juzi-color-on-primary`).
 * @cssproperty --juzi-send-button-radius - Button corner radius (default `--juzi-radius`).
 *
 * @fires juzi-before-send - Before the host is called, once the element is busy (a `send()` from a listener joins this send), with `{ message }`; cancelable: `preventDefault()` stops the send.
 * @fires juzi-sent - The host accepted the message, with `{ message }`.
 * @fires juzi-error - The send failed, with `{ error, message }`; the element is ready to retry.
 */
export class JuziSendButton extends JuziButtonElement {
  static override styles = [JuziButtonElement.styles, sendButtonStyles];

  /** The kind of message the attributes describe. */
  @property() msgtype: MsgType = 'text';

  /** Text of a `text` message. */
  @property() content?: string;

  /** Media URL of an `image`, `video` or `file` message. */
  @property() url?: string;

  /** Link of a `news` message. */
  @property() link?: string;

  /** Description of a `news` or `miniprogram` message. */
  @property() desc?: string;

  /** Picture of a `news` or `miniprogram` message. */
  @property({ attribute: 'img-url' }) imgUrl?: string;

  /** App id of a `miniprogram` message. */
  @property() appid?: string;

  /** Page path of a `miniprogram` message. */
  @property() page?: string;

  /** Icon of a `miniprogram` message. */
  @property({ attribute: 'icon-url' }) iconUrl?: string;

  /** Official account id of a `miniprogram` message. */
  @property({ attribute: 'official-account-id' }) officialAccountId?: string;

  /** The whole message; when set it wins over every message attribute. */
  @property({ attribute: false }) message?: SendMessage;

  /**
   * Sends the message, as a click does. Resolves true when sent, false when disabled
   * or cancelled by `juzi-before-send`; rejects with the JuziError `juzi-error` reported.
   */
  send(): Promise<boolean> {
    if (this.disabled) return Promise.resolve(false);
    // Read at each send, so attributes changed after an earlier send are honoured.
    const message = this.message ?? this.#messageFromAttributes();
    // While a send is pending, run() returns it: a second activation joins it.
    const sending = this.action.run(() => this.activeBridge.sendChatMessage(message), {
      // Fired once pending: a listener that calls send() joins this send.
      before: () => !this.emit(new JuziBeforeSendEvent({ message })).defaultPrevented,
      done: this.t.sent,
      failed: this.t.sendFailed,
      errorDetail: { message },
      event: () => new JuziSentEvent({ message }),
      then: () => true,
    });
    return sending.then((sent) => sent ?? false);
  }

  protected override get label(): string {
    return this.t.send;
  }

  protected override activate(): Promise<boolean> {
    return this.send();
  }

  /**
   * A required field left out becomes '' so the bridge's refusal names the field; an
   * optional one left out stays out, so the host gets exactly what the page wrote.
   */
  #messageFromAttributes(): SendMessage {
    // Removing an attribute sets its property to null.
    const msgtype = this.msgtype ?? 'text';
    // Not Object.hasOwn: Chromium 90 and Safari 15 lack it (README "Browser support").
    const fields = Object.prototype.hasOwnProperty.call(bodies, msgtype) ? bodies[msgtype]!.split(' ') : undefined;
    // An unknown msgtype goes to the bridge as is, which refuses it with invalid-params.
    if (!fields) return { msgtype } as unknown as SendMessage;
    const body: Record<string, string> = {};
    for (const field of fields) {
      const key = field.replace('?', '');
      const value = key === 'title' ? this.getAttribute(key) : (this as unknown as Record<string, string | null | undefined>)[key];
      if (value != null || key === field) body[key] = value ?? '';
    }
    return { msgtype, [msgtype]: body } as unknown as SendMessage;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'juzi-send-button': JuziSendButton;
  }
}
