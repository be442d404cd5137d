import type { CommandName } from '@fellesplan/domain';
import { commentsDelete } from './commentsDelete.js';
import { commentsEdit } from './commentsEdit.js';
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
import { sectionsUnlock } from './sectionsUnlock.js';
import { threadsCreate } from './threadsCreate.js';
import { threadsReply } from './threadsReply.js';
import { threadsReopen, threadsResolve } from './threadStatus.js';

/** The registry of `POST /api/commands/:name`; the compiler checks every name of `COMMANDS` has one. */
// TODO(issue 10, before merge): back to `satisfies Record<…>` once every administration command exists.
export const commands: Partial<Record<CommandName, RegisteredCommand>> = {
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
};
