// Compiled alone by test/types/entry-points.mjs: only `juzi-elements/send-button` is imported.
import 'juzi-elements/send-button';

const button = document.querySelector('juzi-send-button')!;
button.message = { msgtype: 'text', text: { content: '你好' } };
button.imgUrl satisfies string | undefined;
button.send() satisfies Promise<boolean>;
button.addEventListener('juzi-sent', (event) => event.detail.message.msgtype);
button.addEventListener('juzi-before-send', (event) => event.preventDefault());
// @ts-expect-error a message has one of the host's shapes
button.message = { msgtype: 'voice' };
