import { JuziChatInfo } from '../components/chat-info/chat-info.js';

JuziChatInfo.define('juzi-chat-info');
