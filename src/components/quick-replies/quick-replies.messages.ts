import type { Locale } from '../../internal/i18n.js';

/**
 * The words of `<juzi-quick-replies>`. Kept apart from `internal/i18n.ts` so a page that
 * imports other tags only does not carry them.
 */
const zh = {
  search: '搜索话术',
  searchPlaceholder: '搜索标题、内容或关键词',
  list: '话术',
  groups: '分组',
  all: '全部',
  loading: '正在加载话术…',
  loadFailed: '无法加载话术库：',
  empty: '话术库里还没有话术。',
  emptyGroup: (group: string) => `“${group}”分组里没有话术。`,
  noMatch: (query: string) => `没有与“${query}”匹配的话术。`,
  results: (n: number) => `找到 ${n} 条话术`,
  kinds: { text: '文本', image: '图片', video: '视频', file: '文件', news: '图文', miniprogram: '小程序' } as Record<string, string>,
  sending: '发送中…',
  sent: '已发送',
  sentReply: (title: string) => `已发送：${title}`,
  failedReply: (title: string) => `发送失败：${title}`,
  retryHint: '按回车或点击重试',
  missing: (names: string) => `缺少占位符的值：${names}`,
  noReply: (id: string) => `没有 id 为 ${id} 的话术`,
};

export type QuickRepliesMessages = typeof zh;

const en: QuickRepliesMessages = {
  search: 'Search replies',
  searchPlaceholder: 'Search titles, text or keywords',
  list: 'Replies',
  groups: 'Groups',
  all: 'All',
  loading: 'Loading replies…',
  loadFailed: 'Could not load the replies: ',
  empty: 'There are no replies yet.',
  emptyGroup: (group) => `No replies in “${group}”.`,
  noMatch: (query) => `No replies match “${query}”.`,
  results: (n) => `${n} ${n === 1 ? 'reply' : 'replies'} found`,
  kinds: { text: 'Text', image: 'Image', video: 'Video', file: 'File', news: 'Link card', miniprogram: 'Mini program' },
  sending: 'Sending…',
  sent: 'Sent',
  sentReply: (title) => `Sent: ${title}`,
  failedReply: (title) => `Sending failed: ${title}`,
  retryHint: 'Press Enter or click to retry',
  missing: (names) => `No value for ${names}`,
  noReply: (id) => `No reply has the id ${id}`,
};

export const quickRepliesMessages: Record<Locale, QuickRepliesMessages> = { 'zh-CN': zh, en };
