/**
 * The bot's invite link, computed from the permissions it uses, so the README and `npm run invite`
 * can never drift from the code.
 */
import { PermissionFlagsBits } from 'discord.js';

/**
 * Exactly what the bot needs in a channel: to see it, answer with embeds, and start and post in a
 * thread for `/compare`. It reads no messages and manages nothing.
 */
export const botPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;

/** The OAuth2 URL that adds the bot and its commands to a server. */
export function inviteUrl(clientId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${clientId}&scope=bot+applications.commands&permissions=${botPermissions}`;
}
