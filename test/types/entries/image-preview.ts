// Compiled alone by test/types/entry-points.mjs: only `juzi-elements/image-preview` is imported.
import 'juzi-elements/image-preview';

const preview = document.querySelector('juzi-image-preview')!;
preview.urls = ['https://example.com/1.png'];
preview.addEventListener('juzi-preview', (event) => event.detail.current satisfies string);
