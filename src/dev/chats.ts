/**
 * Fixture chats for the simulated host, shaped exactly as juzi-helper's
 * `getCurChatInfo` sends them (the seed's `Id` key, not `id`).
 */
import type { SimulatedChat } from './simulated-host.js';

// One workbench user in one group, hosting several bot accounts: the ids are
// 24-hex strings like the ones the Juzi backend hands out.
const jzGroupId = '644a448ab93794cbdccf93cb';
const jzUserId = '644a448ab93794cbdccf93ca';
const wecomBot = { botId: '647844cd6059597fc5c79f38', botName: '句子客服-小橙', botStatus: 2, botType: 2 };

const chats: SimulatedChat[] = [
  {
    Id: 'chat-zhangsan',
    name: '张三',
    type: 0,
    external: true,
    wxUserId: 'wmEAlECwAAHrbWYDOK5u3Bf13xlYDAAA',
    ...wecomBot,
    jzGroupId,
    jzUserId,
  },
  {
    Id: 'chat-kefu-group',
    name: '客户服务群',
    type: 1,
    external: true,
    wxChatId: 'wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA',
    ...wecomBot,
    jzGroupId,
    jzUserId,
  },
  {
    // A colleague: no external contact id, so getCurExternalContact fails here.
    Id: 'chat-lisi-internal',
    name: '李四（同事）',
    type: 0,
    external: false,
    ...wecomBot,
    jzGroupId,
    jzUserId,
  },
  {
    Id: 'chat-wangwu',
    name: '王五',
    type: 0,
    external: true,
    wxUserId: 'wmEAlECwAAq3vT8kL2mZpR9sXyN0cDBB',
    botId: '6478451a6059597fc5c79f41',
    botName: '句子客服-小李',
    botStatus: 1,
    botType: 2,
    jzGroupId,
    jzUserId,
  },
  {
    // Personal-WeChat bot: no WeCom ids exist for this contact.
    Id: 'chat-wechat-zhaoliu',
    name: '赵六',
    type: 0,
    external: true,
    botId: '64784b2e6059597fc5c79f52',
    botName: '微信号-橙子',
    botStatus: 2,
    botType: 1,
    jzGroupId,
    jzUserId,
  },
  {
    Id: 'chat-oa-xiaochen',
    name: '公众号粉丝·小陈',
    type: 0,
    external: true,
    botId: '64784c706059597fc5c79f63',
    botName: '句子互动服务号',
    botStatus: 2,
    botType: 3,
    jzGroupId,
    jzUserId,
  },
  {
    Id: 'chat-whatsapp-maria',
    name: 'Maria García',
    type: 0,
    external: true,
    botId: '64784d9a6059597fc5c79f74',
    botName: 'Juzi Support (WhatsApp)',
    botStatus: 2,
    botType: 4,
    jzGroupId,
    jzUserId,
  },
  {
    // Host data is untrusted: this name must never reach the DOM as HTML.
    Id: 'chat-eve',
    name: '<img src=x onerror="alert(1)">Eve',
    type: 0,
    external: true,
    wxUserId: 'wmEAlECwAAe1vE0xSsQ7aTtAcKeRAAAA',
    ...wecomBot,
    jzGroupId,
    jzUserId,
  },
];

/** Realistic chats covering every chat type, bot type and bot status, plus a markup name. */
export const defaultChats: readonly SimulatedChat[] = Object.freeze(chats.map((chat) => Object.freeze(chat)));
