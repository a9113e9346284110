/** `juzi-elements/send-button`: defines `<juzi-send-button>`; its class and the `juzi-*` event types come with it. */
import { JuziSendButton } from '../components/send-button/send-button.js';

export type * from '../events.js';
export { JuziSendButton };

JuziSendButton.define('juzi-send-button');
