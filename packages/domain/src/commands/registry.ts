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

import {
  invitationIdInput,
  invitationsCreateInput,
  invitationsCreateResult,
  partiesCreateInput,
  partiesUpdateInput,
  partyIdInput,
  userIdInput,
  usersUpdateInput,
} from './admin.js';
import {
  hearingsCloseInput,
  hearingsExtendInput,
  hearingsPublishInput,
  hearingsPublishResult,
  hearingsSetPublicationInput,
  remarksApplyProposalInput,
  remarksApplyProposalResult,
  remarksAssessInput,
  responsesPublishInput,
  responsesRedactInput,
  responsesWithholdInput,
} from '../hearings/hearings.js';
import { sectionsRestoreInput, sectionsRestoreResult, versionsCreateInput } from '../versions/versions.js';
import { adoptionsRecordInput, adoptionsSendInput } from '../hearings/hearings.js';
import {
  planIdInput,
  plansCreateInput,
  plansUpdateInput,
  sectionsAddInput,
  sectionsDeleteInput,
  sectionsMoveInput,
  sectionsRenameInput,
  sectionsSetOwnersInput,
  sectionsTagInput,
} from './structure.js';

const ok = z.object({ ok: z.literal(true) });
const created = z.object({ id: z.string() });

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
  'parties.create': { input: partiesCreateInput, result: created },
  'parties.update': { input: partiesUpdateInput, result: ok },
  'parties.deactivate': { input: partyIdInput, result: ok },
  'parties.reactivate': { input: partyIdInput, result: ok },
  'invitations.create': { input: invitationsCreateInput, result: invitationsCreateResult },
  'invitations.revoke': { input: invitationIdInput, result: ok },
  'users.update': { input: usersUpdateInput, result: ok },
  'users.deactivate': { input: userIdInput, result: ok },
  'users.reactivate': { input: userIdInput, result: ok },
  'plans.create': { input: plansCreateInput, result: created },
  'plans.update': { input: plansUpdateInput, result: ok },
  'plans.archive': { input: planIdInput, result: ok },
  'sections.add': { input: sectionsAddInput, result: created },
  'sections.rename': { input: sectionsRenameInput, result: ok },
  'sections.move': { input: sectionsMoveInput, result: ok },
  'sections.delete': { input: sectionsDeleteInput, result: ok },
  'sections.setOwners': { input: sectionsSetOwnersInput, result: ok },
  'sections.tag': { input: sectionsTagInput, result: ok },
  'versions.create': { input: versionsCreateInput, result: created },
  'sections.restore': { input: sectionsRestoreInput, result: sectionsRestoreResult },
  'adoptions.send': { input: adoptionsSendInput, result: created },
  'adoptions.record': { input: adoptionsRecordInput, result: created },
  'hearings.publish': { input: hearingsPublishInput, result: hearingsPublishResult },
  'hearings.extend': { input: hearingsExtendInput, result: ok },
  'hearings.close': { input: hearingsCloseInput, result: ok },
  'hearings.setPublication': { input: hearingsSetPublicationInput, result: ok },
  'responses.withhold': { input: responsesWithholdInput, result: ok },
  'responses.redact': { input: responsesRedactInput, result: ok },
  'responses.publish': { input: responsesPublishInput, result: ok },
  'remarks.assess': { input: remarksAssessInput, result: ok },
  'remarks.applyProposal': { input: remarksApplyProposalInput, result: remarksApplyProposalResult },
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
