/**
 * The `juzi-*` DOM events. Each bubbles and crosses shadow roots (`composed`), so a
 * page can listen on `document` — also with jQuery's `$(document).on('juzi-sent', …)`.
 * Names never reuse a native event name.
 */
import type { JuziError } from './bridge/errors.js';
import type { ChatInfo, SendMessage } from './bridge/schemas.js';
import type { UserInfo } from './oauth/user-info.js';
import type { QuickReply } from './components/quick-replies/replies.js';

const init = { bubbles: true, composed: true } as const;

export interface JuziChatChangeDetail {
  chat: ChatInfo;
}
/** `<juzi-chat-info>`: the first chat was read, or the chat id changed. */
export class JuziChatChangeEvent extends CustomEvent<JuziChatChangeDetail> {
  constructor(detail: JuziChatChangeDetail) {
    super('juzi-chat-change', { ...init, detail });
  }
}

export interface JuziSendDetail {
  message: SendMessage;
  /** `<juzi-quick-replies>`: the reply the message was filled from. */
  reply?: QuickReply;
}
/** `<juzi-send-button>`, before the host is called; `preventDefault()` cancels the send. */
export class JuziBeforeSendEvent extends CustomEvent<JuziSendDetail> {
  constructor(detail: JuziSendDetail) {
    super('juzi-before-send', { ...init, cancelable: true, detail });
  }
}
/** `<juzi-send-button>`: the host accepted the message. */
export class JuziSentEvent extends CustomEvent<JuziSendDetail> {
  constructor(detail: JuziSendDetail) {
    super('juzi-sent', { ...init, detail });
  }
}

export interface JuziChatOpenedDetail {
  userIds: string[];
  externalUserIds: string[];
  chatId?: string;
}
/** `<juzi-open-chat>`: the host opened the chat. */
export class JuziChatOpenedEvent extends CustomEvent<JuziChatOpenedDetail> {
  constructor(detail: JuziChatOpenedDetail) {
    super('juzi-chat-opened', { ...init, detail });
  }
}

export interface JuziPreviewDetail {
  urls: string[];
  current: string;
}
/** `<juzi-image-preview>`: the host's previewer opened. */
export class JuziPreviewEvent extends CustomEvent<JuziPreviewDetail> {
  constructor(detail: JuziPreviewDetail) {
    super('juzi-preview', { ...init, detail });
  }
}

export interface JuziAuthSuccessDetail {
  user: UserInfo;
}
/** `<juzi-auth>`: the code was exchanged; `detail.user` is who signed in. */
export class JuziAuthSuccessEvent extends CustomEvent<JuziAuthSuccessDetail> {
  constructor(detail: JuziAuthSuccessDetail) {
    super('juzi-auth-success', { ...init, detail });
  }
}

export interface JuziErrorDetail {
  error: JuziError;
  /** The message a failed send was carrying, to retry or show. */
  message?: SendMessage;
  /** `<juzi-quick-replies>`: the reply that failed to send. */
  reply?: QuickReply;
}
/** Any element: something failed; `detail.error.code` says what. */
export class JuziErrorEvent extends CustomEvent<JuziErrorDetail> {
  constructor(detail: JuziErrorDetail) {
    super('juzi-error', { ...init, detail });
  }
}

export interface JuziEventMap {
  'juzi-chat-change': JuziChatChangeEvent;
  'juzi-before-send': JuziBeforeSendEvent;
  'juzi-sent': JuziSentEvent;
  'juzi-chat-opened': JuziChatOpenedEvent;
  'juzi-preview': JuziPreviewEvent;
  'juzi-auth-success': JuziAuthSuccessEvent;
  'juzi-error': JuziErrorEvent;
}

export type JuziEvent = JuziEventMap[keyof JuziEventMap];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends JuziEventMap {}
}
