/** `juzi-elements/auth`: defines `<juzi-auth>`; its class and the `juzi-*` event types come with it. */
import { JuziAuth } from '../components/auth/auth.js';

export type * from '../events.js';
export { JuziAuth };

JuziAuth.define('juzi-auth');
