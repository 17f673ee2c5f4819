/** `npm run invite`: the invite link for the application in DISCORD_CLIENT_ID (or a placeholder). */
import { loadConfig } from '../config.js';
import { inviteUrl } from '../discord/invite.js';
import { runCli } from './run.js';

runCli(() => inviteUrl(loadConfig().clientId ?? '<APPLICATION_ID>'));
