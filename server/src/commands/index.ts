import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import { sectionsLock, sectionsUnlock } from './sectionsLock.js';
import { sectionsMark } from './sectionsMark.js';
import { commentsDelete, commentsEdit, threadsCreate, threadsReopen, threadsReply, threadsResolve } from './threads.js';

/** A command validates its own input (zod), authorizes, changes state in one transaction. */
export type Command = (ctx: AppContext, actor: SessionUser, input: unknown) => Promise<Record<string, unknown>>;

/** The registry of `POST /api/commands/:name` (the README lists them). */
export const commands: Record<string, Command> = {
  'sections.mark': (ctx, actor, input) => sectionsMark(ctx, actor, input),
  'sections.lock': (ctx, actor, input) => sectionsLock(ctx, actor, input),
  'sections.unlock': (ctx, actor, input) => sectionsUnlock(ctx, actor, input),
  'threads.create': (ctx, actor, input) => threadsCreate(ctx, actor, input),
  'threads.reply': (ctx, actor, input) => threadsReply(ctx, actor, input),
  'threads.resolve': (ctx, actor, input) => threadsResolve(ctx, actor, input),
  'threads.reopen': (ctx, actor, input) => threadsReopen(ctx, actor, input),
  'comments.edit': (ctx, actor, input) => commentsEdit(ctx, actor, input),
  'comments.delete': (ctx, actor, input) => commentsDelete(ctx, actor, input),
};
