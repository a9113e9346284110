/** `juzi-elements/quick-replies`: defines `<juzi-quick-replies>`; its class and the `juzi-*` event types come with it. */
import { JuziQuickReplies } from '../components/quick-replies/quick-replies.js';

export type * from '../events.js';
export { JuziQuickReplies };

JuziQuickReplies.define('juzi-quick-replies');
