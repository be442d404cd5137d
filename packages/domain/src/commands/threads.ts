import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** Comment bodies are plain text (never rendered as HTML), 1–10,000 characters. */
export const commentBody = z
  .string({ required_error: 'comment_empty' })
  .trim()
  .min(1, 'comment_empty')
  .max(10_000, 'comment_too_long');
const relativePosition = z
  .string()
  .min(1)
  .max(2000)
  .regex(/^[A-Za-z0-9+/=]+$/);

/** `threads.create {sectionId, body, anchor?: {start, end}, quote?}`; no anchor = the whole section. */
export const threadsCreateInput = z
  .object({
    sectionId: id,
    body: commentBody,
    anchor: z.object({ start: relativePosition, end: relativePosition }).strict().nullish(),
    quote: z.string().max(5000).nullish(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.anchor && !input.quote?.trim()) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quote'], message: 'invalid_input' });
    }
  });
export type ThreadsCreateInput = z.infer<typeof threadsCreateInput>;

export const threadsReplyInput = z.object({ threadId: id, body: commentBody }).strict();
export const threadIdInput = z.object({ threadId: id }).strict();
export const commentsEditInput = z.object({ commentId: id, body: commentBody }).strict();
export const commentIdInput = z.object({ commentId: id }).strict();
