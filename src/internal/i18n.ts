import type { JuziErrorCode } from '../bridge/errors.js';

export type Locale = 'zh-CN' | 'en';

const zh = {
  send: '发送',
  openChat: '打开会话',
  signIn: '登录',
  sent: '已发送',
  sendFailed: '发送失败',
  opened: '已打开会话',
  openFailed: '打开会话失败',
  previewFailed: '无法预览图片',
  failedBecause: (failure: string, reason: string) => `${failure}：${reason}`,
  loading: '正在读取当前会话…',
  currentChat: '当前会话',
  single: '单聊',
  group: '群聊',
  external: '外部',
  internal: '内部',
  bot: '托管账号',
  online: '在线',
  offline: '离线',
  unknown: '未知',
  botTypes: ['无', '微信', '企业微信', '公众号', 'WhatsApp'],
  retry: '重试',
  chatError: '无法读取当前会话。',
  refreshFailed: '未能刷新当前会话，显示的是上次读取的信息。',
  image: (n: number, of: number) => `图片 ${n}/${of}`,
  signingIn: '正在登录…',
  redirecting: '正在前往登录页…',
  signInFailed: '登录失败',
  signedIn: '已登录',
  signedInAs: (name: string) => `已登录：${name}`,
  storageUnavailable: '浏览器禁止保存会话数据（如无痕模式），无法安全登录。',
  errors: {
    unavailable: '未检测到句子侧边栏环境：请在工作台侧边栏中打开此页面。',
    timeout: '侧边栏没有响应，请稍后重试。',
    'invalid-params': '参数不正确：',
    'invalid-response': '侧边栏返回的数据格式不正确，请更新 juzi-helper 后重试。',
    'host-fail': '侧边栏返回错误：',
    'invalid-code': '授权码无效，请重新登录。',
    'expired-code': '授权码已过期，请重新登录。',
    'code-not-found': '授权码已被使用或不存在，请重新登录。',
    unknown: '登录服务出错，请重试。',
    'state-mismatch': '登录校验失败，请重新登录。',
    network: '无法连接登录服务，请重试。',
  } as Partial<Record<JuziErrorCode, string>>,
  errorFallback: '出错了：',
};

export type Messages = typeof zh;

const en: Messages = {
  send: 'Send',
  openChat: 'Open chat',
  signIn: 'Sign in',
  sent: 'Sent',
  sendFailed: 'Sending failed',
  opened: 'Chat opened',
  openFailed: 'Could not open the chat',
  previewFailed: 'Could not preview the image',
  failedBecause: (failure, reason) => `${failure}: ${reason}`,
  loading: 'Reading the current chat…',
  currentChat: 'Current chat',
  single: 'Single chat',
  group: 'Group chat',
  external: 'External',
  internal: 'Internal',
  bot: 'Bot',
  online: 'Online',
  offline: 'Offline',
  unknown: 'Unknown',
  botTypes: ['None', 'WeChat', 'WeCom', 'Official account', 'WhatsApp'],
  retry: 'Retry',
  chatError: 'Could not read the current chat.',
  refreshFailed: 'Could not refresh the chat; showing what was last read.',
  image: (n, of) => `Image ${n} of ${of}`,
  signingIn: 'Signing in…',
  redirecting: 'Going to the sign-in page…',
  signInFailed: 'Sign-in failed',
  signedIn: 'Signed in',
  signedInAs: (name) => `Signed in as ${name}`,
  storageUnavailable: 'The browser blocks session data (private mode?), so sign-in cannot be made safe.',
  errors: {
    unavailable: 'No Juzi sidebar found: open this page in the workbench sidebar.',
    timeout: 'The sidebar did not answer; try again in a moment.',
    'invalid-params': 'Invalid input: ',
    'invalid-response': 'The sidebar answered malformed data; update juzi-helper and try again.',
    'host-fail': 'The sidebar said: ',
    'invalid-code': 'The sign-in code is invalid; sign in again.',
    'expired-code': 'The sign-in code has expired; sign in again.',
    'code-not-found': 'The sign-in code was used or is unknown; sign in again.',
    unknown: 'The sign-in service failed; try again.',
    'state-mismatch': 'The sign-in could not be verified; sign in again.',
    network: 'Could not reach the sign-in service; try again.',
  },
  errorFallback: 'Something went wrong: ',
};

/** The shared words, by locale. Tags with many words of their own keep them in a `*.messages.ts` module. */
export const messages: Record<Locale, Messages> = { 'zh-CN': zh, en };

/** `en`, `en-US`, … → English; everything else → Simplified Chinese (the default). */
export function toLocale(lang: string | null | undefined): Locale {
  return lang && /^en\b/i.test(lang) ? 'en' : 'zh-CN';
}

/** `element`'s words from `catalogue`, in the language of its nearest `lang`. */
export function wordsOf<T>(element: Element, catalogue: Record<Locale, T>): T {
  return catalogue[toLocale(langOf(element))];
}

/** The nearest `lang`, walking up through shadow roots to the document. */
export function langOf(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
