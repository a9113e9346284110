/** `juzi-elements/open-chat`: defines `<juzi-open-chat>`; its class and the `juzi-*` event types come with it. */
import { JuziOpenChat } from '../components/open-chat/open-chat.js';

export type * from '../events.js';
export { JuziOpenChat };

JuziOpenChat.define('juzi-open-chat');
