/**
 * What each tag takes from a framework template: its public properties and the
 * `juzi-*` events it fires. The React and Vue typings are built from this one table.
 */
import type { JuziChatInfo } from '../components/chat-info/chat-info.js';
import type { JuziImagePreview } from '../components/image-preview/image-preview.js';
import type { JuziOpenChat } from '../components/open-chat/open-chat.js';
import type { JuziSendButton } from '../components/send-button/send-button.js';
import type { JuziQuickReplies } from '../components/quick-replies/quick-replies.js';
import type { JuziEventMap } from '../events.js';

type Props<E, K extends keyof E> = Partial<Pick<E, K | 'bridge' & keyof E>>;

export interface JuziElementProps {
  'juzi-chat-info': Props<JuziChatInfo, 'fields'>;
  'juzi-send-button': Props<
    JuziSendButton,
    | 'msgtype'
    | 'content'
    | 'url'
    | 'link'
    | 'desc'
    | 'imgUrl'
    | 'appid'
    | 'page'
    | 'iconUrl'
    | 'officialAccountId'
    | 'message'
    | 'disabled'
  >;
  'juzi-open-chat': Props<JuziOpenChat, 'userIds' | 'externalUserIds' | 'chatId' | 'disabled'>;
  'juzi-image-preview': Props<JuziImagePreview, 'urls' | 'disabled'>;
  'juzi-quick-replies': Props<JuziQuickReplies, 'replies' | 'src' | 'query' | 'group' | 'vars' | 'filter' | 'disabled'>;
}

export interface JuziElementEvents {
  'juzi-chat-info': Pick<JuziEventMap, 'juzi-chat-change' | 'juzi-error'>;
  'juzi-send-button': Pick<JuziEventMap, 'juzi-before-send' | 'juzi-sent' | 'juzi-error'>;
  'juzi-open-chat': Pick<JuziEventMap, 'juzi-chat-opened' | 'juzi-error'>;
  'juzi-image-preview': Pick<JuziEventMap, 'juzi-preview' | 'juzi-error'>;
  'juzi-quick-replies': Pick<JuziEventMap, 'juzi-before-send' | 'juzi-sent' | 'juzi-error'>;
}
