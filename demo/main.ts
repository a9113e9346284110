// The demo page: the shared bridge on a simulated host, with controls to switch
// chats and inject faults. Host data is only ever written as text.
import { getBridge, isJuziError, type ChatInfo, type HostApi } from '../src/bridge/index.js';
import { installSimulatedHost, type SimulatedFault } from '../src/dev/index.js';

const host = installSimulatedHost({ latency: 150 });
const bridge = getBridge();
bridge.configure({ timeout: 3000 });

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const botTypes = ['无', '微信', '企业微信', '公众号', 'WhatsApp'];

function renderChat(chat: ChatInfo | undefined) {
  const rows: [string, string][] = chat
    ? [
        ['会话', chat.name],
        ['类型', chat.type === 0 ? '单聊' : chat.type === 1 ? '群聊' : `未知 (${chat.type})`],
        ['外部', chat.external ? '是' : '否'],
        ['托管账号', chat.botName],
        ['状态', chat.botStatus === 2 ? '在线' : chat.botStatus === 1 ? '离线' : `未知 (${chat.botStatus})`],
        ['账号类型', botTypes[chat.botType] ?? `未知 (${chat.botType})`],
        ['id', chat.id],
      ]
    : [];
  $('chat').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = term;
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

bridge.subscribe(({ status, chat, error }) => {
  $('status').textContent = error ? `${status}: ${error.message}` : status;
  $('status').dataset.status = status;
  renderChat(chat);
});
renderChat(undefined);

$('send').addEventListener('click', async () => {
  const content = $<HTMLInputElement>('text').value;
  try {
    await bridge.sendChatMessage({ msgtype: 'text', text: { content } });
    $('send-result').textContent = '已发送';
  } catch (error) {
    $('send-result').textContent = isJuziError(error) ? `发送失败: ${error.code} ${error.errMsg ?? ''}` : String(error);
  }
});

const select = $<HTMLSelectElement>('chat-select');
host.chats.forEach((chat, index) => select.add(new Option(`${index}: ${chat.name}`, String(index))));
select.addEventListener('change', () => host.switchChat(Number(select.value)));
$('offline').addEventListener('click', () => host.updateChat({ botStatus: 1 }));
$('refresh').addEventListener('click', () => bridge.refresh().catch(() => {}));

const apis: HostApi[] = ['getCurChatInfo', 'sendChatMessage', 'updateBaseInfo', 'getCurExternalContact', 'getCurExternalChat', 'openEnterpriseChat', 'previewImage'];
const faultApi = $<HTMLSelectElement>('fault-api');
apis.forEach((api) => faultApi.add(new Option(api, api)));
const applyFault = () => {
  const kind = $<HTMLSelectElement>('fault-kind').value as SimulatedFault['kind'] | '';
  for (const api of apis) host.setFault(api, undefined);
  if (kind) host.setFault(faultApi.value as HostApi, { kind } as SimulatedFault);
};
faultApi.addEventListener('change', applyFault);
$('fault-kind').addEventListener('change', applyFault);
$<HTMLInputElement>('latency').addEventListener('change', (e) => host.setLatency(Number((e.target as HTMLInputElement).value)));

host.onCall((call) => {
  const line = `${(call.at / 1000).toFixed(2)}s ${call.api} ${JSON.stringify(call.params)}\n`;
  $('log').textContent = line + ($('log').textContent ?? '');
});
