import { z } from 'zod';
import {
  sectionsLockInput,
  sectionsLockResult,
  sectionsMarkInput,
  sectionsMarkResult,
  sectionsUnlockInput,
} from './sections.js';
import {
  commentIdInput,
  commentsEditInput,
  threadIdInput,
  threadsCreateInput,
  threadsCreateResult,
  threadsReplyInput,
  threadsReplyResult,
} from './threads.js';

const ok = z.object({ ok: z.literal(true) });

/**
 * Every command of `POST /api/commands/:name` (DESIGN 5): its input and its result. The server
 * runs each through one pipeline; the client's `command(name, input)` is typed from this map, and
 * the API description can be generated from it.
 */
export const COMMANDS = {
  'sections.mark': { input: sectionsMarkInput, result: sectionsMarkResult },
  'sections.lock': { input: sectionsLockInput, result: sectionsLockResult },
  'sections.unlock': { input: sectionsUnlockInput, result: ok },
  'threads.create': { input: threadsCreateInput, result: threadsCreateResult },
  'threads.reply': { input: threadsReplyInput, result: threadsReplyResult },
  'threads.resolve': { input: threadIdInput, result: ok },
  'threads.reopen': { input: threadIdInput, result: ok },
  'comments.edit': { input: commentsEditInput, result: ok },
  'comments.delete': { input: commentIdInput, result: ok },
} as const satisfies Record<string, { input: z.ZodTypeAny; result: z.ZodTypeAny }>;

export type CommandName = keyof typeof COMMANDS;
/** What a client sends. */
export type CommandInput<N extends CommandName> = z.input<(typeof COMMANDS)[N]['input']>;
/** What the server works with once the input is parsed (trimmed, defaults applied). */
export type ParsedCommandInput<N extends CommandName> = z.output<(typeof COMMANDS)[N]['input']>;
export type CommandResult<N extends CommandName> = z.output<(typeof COMMANDS)[N]['result']>;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
