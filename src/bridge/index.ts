/** `juzi-elements/bridge`: the typed promise API over the Juzi sidebar host. */
export { JuziBridge } from './bridge.js';
export type { BridgeOptions, ChatContext, ContextListener, ContextStatus } from './bridge.js';
export { createBridge, getBridge } from './shared.js';
export { JuziError, isJuziError } from './errors.js';
export type { JuziErrorCode, JuziIssue } from './errors.js';
export { findPageHost } from './host.js';
export type { BridgeDiagnostics, CallListener, CallRecord, HostVia } from './diagnostics.js';
export type { HostApi, HostCallback, HostResponse, HostSource, InvokeApi, JuziHost, MethodApi } from './host.js';
export { SendMessageSchema, isHttpUrl } from './schemas.js';
export type {
  BotStatus,
  BotType,
  ChatInfo,
  ChatType,
  FileMsg,
  ImageMsg,
  MiniprogramMsg,
  MsgType,
  NewsMsg,
  OpenEnterpriseChatParams,
  PreviewImageParams,
  SendMessage,
  TextMsg,
  VideoMsg,
} from './schemas.js';
