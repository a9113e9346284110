import { JuziSendButton } from '../components/send-button/send-button.js';

JuziSendButton.define('juzi-send-button');
