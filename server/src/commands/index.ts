import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';

/** A command validates its own input (zod), authorizes, changes state in one transaction. */
export type Command = (ctx: AppContext, actor: SessionUser, input: unknown) => Promise<Record<string, unknown>>;

/** The registry of `POST /api/commands/:name`; issue by issue it grows (README lists them). */
export const commands: Record<string, Command> = {};
