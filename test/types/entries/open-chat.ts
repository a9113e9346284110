// Compiled alone by test/types/entry-points.mjs: only `juzi-elements/open-chat` is imported.
import 'juzi-elements/open-chat';

const open = document.querySelector('juzi-open-chat')!;
open.userIds = ['zhangsan'];
open.addEventListener('juzi-chat-opened', (event) => event.detail.userIds satisfies string[]);
