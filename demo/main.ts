// The demo page: every element on the page's shared bridge, backed by a simulated
// host, with controls to switch chats, take the bot offline and inject faults.
import '../src/index.js';
import '../src/define/devtools.js';
import { getBridge, type HostApi } from '../src/bridge/index.js';
import { installSimulatedHost, type SimulatedFault } from '../src/dev/index.js';

const host = installSimulatedHost({ latency: 150 });
const bridge = getBridge();
bridge.configure({ timeout: 3000 });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const log = (line: string) => {
  $('log').textContent = `${(performance.now() / 1000).toFixed(2)}s ${line}\n${$('log').textContent ?? ''}`;
};

bridge.subscribe(({ status }) => ($('status').textContent = status));

const select = $<HTMLSelectElement>('chat-select');
host.chats.forEach((chat, index) => select.add(new Option(`${index}: ${chat.name}`, String(index))));
select.addEventListener('change', () => host.switchChat(Number(select.value)));
$('offline').addEventListener('click', () => host.updateChat({ botStatus: 1 }));
$('refresh').addEventListener('click', () => bridge.refresh().catch(() => {}));

const apis: HostApi[] = ['getCurChatInfo', 'sendChatMessage', 'openEnterpriseChat', 'previewImage', 'updateBaseInfo'];
const faultApi = $<HTMLSelectElement>('fault-api');
apis.forEach((api) => faultApi.add(new Option(api, api)));
const applyFault = () => {
  const kind = $<HTMLSelectElement>('fault-kind').value as SimulatedFault['kind'] | '';
  for (const api of apis) host.setFault(api, undefined);
  if (kind) host.setFault(faultApi.value as HostApi, { kind } as SimulatedFault);
};
faultApi.addEventListener('change', applyFault);
$('fault-kind').addEventListener('change', applyFault);
$<HTMLInputElement>('latency').addEventListener('change', (e) =>
  host.setLatency(Number((e.target as HTMLInputElement).value)),
);

host.onCall((call) => log(`host ${call.api} ${JSON.stringify(call.params)}`));
for (const type of ['juzi-chat-change', 'juzi-before-send', 'juzi-sent', 'juzi-chat-opened', 'juzi-preview', 'juzi-error'] as const) {
  document.addEventListener(type, (event) => {
    const detail = event.detail as { error?: Error };
    log(`event ${type} ${detail.error ? detail.error.message : JSON.stringify(detail)}`);
  });
}
