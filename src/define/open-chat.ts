import { JuziOpenChat } from '../components/open-chat/open-chat.js';

JuziOpenChat.define('juzi-open-chat');
