/** `juzi-elements/devtools`: defines `<juzi-devtools>`; its class and the `juzi-*` event types come with it. */
import { JuziDevtools, mountOnDebugUrl } from '../components/devtools/devtools.js';

export type * from '../events.js';
export { JuziDevtools };

JuziDevtools.define('juzi-devtools');
// `?juzi-debug=1` in the page URL: one panel without changing the page.
mountOnDebugUrl('juzi-devtools');
