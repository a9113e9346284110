/**
 * `juzi-elements`: the bridge, the events, sign-in, and every element, defined on import.
 * Import a single `juzi-elements/<name>` (e.g. `juzi-elements/send-button`) instead to register just one tag.
 */
import './define/chat-info.js';
import './define/send-button.js';
import './define/open-chat.js';
import './define/image-preview.js';
import './define/auth.js';
import './define/quick-replies.js';

export * from './bridge/index.js';
export * from './events.js';
export { bridgeContext } from './internal/context.js';
export { JuziElement } from './internal/juzi-element.js';
export { JuziChatInfo, type ChatInfoField } from './components/chat-info/chat-info.js';
export { JuziSendButton } from './components/send-button/send-button.js';
export { JuziOpenChat } from './components/open-chat/open-chat.js';
export { JuziImagePreview } from './components/image-preview/image-preview.js';
export { JuziAuth, type AuthMode, type AuthStatus } from './components/auth/auth.js';
export {
  JuziQuickReplies,
  type QuickRepliesStatus,
  type QuickReplyFilter,
} from './components/quick-replies/quick-replies.js';
export type { QuickReply } from './components/quick-replies/replies.js';
export { foldText } from './components/quick-replies/search.js';
export { createAuthorizeUrl, createState, fetchUserInfo, readAuthCallback } from './oauth/index.js';
export type { AuthCallback, AuthorizeUrlOptions, FetchUserInfoOptions, UserInfo } from './oauth/index.js';
export { finishSignIn, startSignIn } from './oauth/index.js';
export type { StartSignInOptions } from './oauth/index.js';
