import { JuziDevtools, mountOnDebugUrl } from '../components/devtools/devtools.js';

JuziDevtools.define('juzi-devtools');
// `?juzi-debug=1` in the page URL: one panel without changing the page.
mountOnDebugUrl('juzi-devtools');
