import { JuziQuickReplies } from '../components/quick-replies/quick-replies.js';

JuziQuickReplies.define('juzi-quick-replies');
