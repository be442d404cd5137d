import type { CommandName } from '@fellesplan/domain';
import { adoptionsRecord } from './adoptionsRecord.js';
import { adoptionsSend } from './adoptionsSend.js';
import { commentsDelete } from './commentsDelete.js';
import { commentsEdit } from './commentsEdit.js';
import { hearingsClose } from './hearingsClose.js';
import { hearingsExtend } from './hearingsExtend.js';
import { hearingsPublish } from './hearingsPublish.js';
import { hearingsSetPublication } from './hearingsSetPublication.js';
import { remarksApplyProposal } from './remarksApplyProposal.js';
import { remarksAssess } from './remarksAssess.js';
import { responsesPublish, responsesRedact, responsesWithhold } from './responseVisibility.js';
import { invitationsCreate } from './invitationsCreate.js';
import { invitationsRevoke } from './invitationsRevoke.js';
import { partiesCreate } from './partiesCreate.js';
import { partiesDeactivate } from './partiesDeactivate.js';
import { partiesReactivate } from './partiesReactivate.js';
import { partiesUpdate } from './partiesUpdate.js';
import type { RegisteredCommand } from './pipeline.js';
import { plansArchive } from './plansArchive.js';
import { plansCreate } from './plansCreate.js';
import { plansUpdate } from './plansUpdate.js';
import { sectionsAdd } from './sectionsAdd.js';
import { sectionsDelete } from './sectionsDelete.js';
import { sectionsLock } from './sectionsLock.js';
import { sectionsMark } from './sectionsMark.js';
import { sectionsMove } from './sectionsMove.js';
import { sectionsRename } from './sectionsRename.js';
import { sectionsSetOwners } from './sectionsSetOwners.js';
import { sectionsTag } from './sectionsTag.js';
import { sectionsRestore } from './sectionsRestore.js';
import { sectionsUnlock } from './sectionsUnlock.js';
import { threadsCreate } from './threadsCreate.js';
import { threadsReply } from './threadsReply.js';
import { threadsReopen, threadsResolve } from './threadStatus.js';
import { usersDeactivate } from './usersDeactivate.js';
import { usersReactivate } from './usersReactivate.js';
import { usersUpdate } from './usersUpdate.js';
import { versionsCreate } from './versionsCreate.js';

/** The registry of `POST /api/commands/:name`; the compiler checks every name of `COMMANDS` has one. */
export const commands = {
  'sections.mark': sectionsMark,
  'sections.lock': sectionsLock,
  'sections.unlock': sectionsUnlock,
  'threads.create': threadsCreate,
  'threads.reply': threadsReply,
  'threads.resolve': threadsResolve,
  'threads.reopen': threadsReopen,
  'comments.edit': commentsEdit,
  'comments.delete': commentsDelete,
  'plans.create': plansCreate,
  'plans.update': plansUpdate,
  'plans.archive': plansArchive,
  'sections.add': sectionsAdd,
  'sections.rename': sectionsRename,
  'sections.move': sectionsMove,
  'sections.delete': sectionsDelete,
  'sections.setOwners': sectionsSetOwners,
  'sections.tag': sectionsTag,
  'parties.create': partiesCreate,
  'parties.update': partiesUpdate,
  'parties.deactivate': partiesDeactivate,
  'parties.reactivate': partiesReactivate,
  'invitations.create': invitationsCreate,
  'invitations.revoke': invitationsRevoke,
  'users.update': usersUpdate,
  'users.deactivate': usersDeactivate,
  'users.reactivate': usersReactivate,
  'versions.create': versionsCreate,
  'sections.restore': sectionsRestore,
  'adoptions.send': adoptionsSend,
  'adoptions.record': adoptionsRecord,
  'hearings.publish': hearingsPublish,
  'hearings.extend': hearingsExtend,
  'hearings.close': hearingsClose,
  'hearings.setPublication': hearingsSetPublication,
  'responses.withhold': responsesWithhold,
  'responses.redact': responsesRedact,
  'responses.publish': responsesPublish,
  'remarks.assess': remarksAssess,
  'remarks.applyProposal': remarksApplyProposal,
} as const satisfies Record<CommandName, RegisteredCommand>;
