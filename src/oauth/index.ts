/**
 * `juzi-elements/oauth`: the Juzi sign-in in plain functions, for the browser and
 * Node 20 (no DOM needed). Every failure is a JuziError with api `oauth`.
 */
export { createState } from './state.js';
export { createAuthorizeUrl, readAuthCallback } from './urls.js';
export type { AuthCallback, AuthorizeUrlOptions } from './urls.js';
export { fetchUserInfo } from './user-info.js';
export type { FetchUserInfoOptions, FetchUserInfoRequest, UserInfo, UserInfoEndpoint } from './user-info.js';
export { finishSignIn, startSignIn, STATE_STORAGE_KEY } from './redirect.js';
export type { StartSignInOptions } from './redirect.js';
export { JuziError, isJuziError } from '../bridge/errors.js';
export type { JuziErrorCode, JuziIssue } from '../bridge/errors.js';
