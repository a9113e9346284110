/** `juzi-elements/chat-info`: defines `<juzi-chat-info>`; its class and the `juzi-*` event types come with it. */
import { JuziChatInfo } from '../components/chat-info/chat-info.js';

export type * from '../events.js';
export { JuziChatInfo };

JuziChatInfo.define('juzi-chat-info');
