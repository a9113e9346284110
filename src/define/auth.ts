import { JuziAuth } from '../components/auth/auth.js';

JuziAuth.define('juzi-auth');
