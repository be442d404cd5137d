import { z } from 'zod';
import { idSchema } from '../ids.js';
import { hasVisibleText, INPUT_LIMITS, isStorableText } from '../inputLimits.js';

/** Comment bodies are plain text (never rendered as HTML). */
export const commentBody = z
  .string({ required_error: 'comment_empty' })
  .trim()
  .min(1, 'comment_empty')
  .max(INPUT_LIMITS.commentBody, 'comment_too_long')
  .refine(hasVisibleText, 'comment_empty')
  .refine(isStorableText, 'invalid_input');
const relativePosition = z
  .string()
  .min(1)
  .max(INPUT_LIMITS.anchorPosition)
  .regex(/^[A-Za-z0-9+/=]+$/);

/** `threads.create {sectionId, body, anchor?: {start, end}, quote?}`; no anchor = the whole section. */
export const threadsCreateInput = z
  .object({
    sectionId: idSchema,
    body: commentBody,
    anchor: z.object({ start: relativePosition, end: relativePosition }).strict().nullish(),
    quote: z.string().max(INPUT_LIMITS.quote).refine(isStorableText, 'invalid_input').nullish(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.anchor && !input.quote?.trim()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quote'], message: 'invalid_input' });
    }
  });
export type ThreadsCreateInput = z.infer<typeof threadsCreateInput>;
export const threadsCreateResult = z.object({ id: z.string(), commentId: z.string() });

export const threadsReplyInput = z.object({ threadId: idSchema, body: commentBody }).strict();
export const threadsReplyResult = z.object({ id: z.string() });
export const threadIdInput = z.object({ threadId: idSchema }).strict();
export const commentsEditInput = z.object({ commentId: idSchema, body: commentBody }).strict();
export const commentIdInput = z.object({ commentId: idSchema }).strict();
