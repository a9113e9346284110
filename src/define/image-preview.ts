/** `juzi-elements/image-preview`: defines `<juzi-image-preview>`; its class and the `juzi-*` event types come with it. */
import { JuziImagePreview } from '../components/image-preview/image-preview.js';

export type * from '../events.js';
export { JuziImagePreview };

JuziImagePreview.define('juzi-image-preview');
