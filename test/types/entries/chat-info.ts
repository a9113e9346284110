// Compiled alone by test/types/entry-points.mjs: only `juzi-elements/chat-info` is imported.
import 'juzi-elements/chat-info';

const info = document.querySelector('juzi-chat-info')!;
info.chat?.wxChatId satisfies string | undefined;
info.addEventListener('juzi-chat-change', (event) => event.detail.chat.name satisfies string);
document.addEventListener('juzi-error', (event) => event.detail.error.code);
