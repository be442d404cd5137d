import { api } from './api.js';

export type CommandReply = { error?: { code: string; message: string; field?: string } } & Record<string, unknown>;

/** `POST /api/commands/:name` as any client would send it. */
export function command(baseUrl: string, token: string, name: string, body: unknown) {
  return api<CommandReply>(baseUrl, `/api/commands/${name}`, { token, body });
}
