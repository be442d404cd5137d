import { parseDocumentName } from '@fellesplan/domain';
import type { Collaboration } from '../collaboration.js';
import type { LocalNotificationFeed } from '../notifications/notificationFeed.js';
import type { AppContext } from '../routes/context.js';
import type { ClusterHandlers } from './cluster.js';

/** What this instance does when another one tells it something: always on its own connections only. */
export function clusterHandlers({
  context,
  collaboration,
  localNotifications,
}: {
  context: AppContext;
  collaboration: Collaboration;
  localNotifications: LocalNotificationFeed;
}): ClusterHandlers {
  const { access, projection, localAccessChanges, hocuspocus, persistence } = collaboration;
  return {
    projection: (planId, sections) =>
      sections ? projection.refreshEdited(planId, new Set(sections)) : projection.refreshHere(planId),
    access: (change) => localAccessChanges.publish(change),
    sessionEnded(sessionId) {
      context.sessions.closeSessionHere(sessionId);
      context.notificationStreams.closeSession(sessionId);
    },
    notify(userIds) {
      void localNotifications.publish(userIds);
    },
    freeze: (sectionId) => access.freezeHere(sectionId),
    thaw: (sectionId) => access.thawHere(sectionId),
    async resynchronise() {
      // Whatever was announced while the link was down is read again from the database: every
      // loaded projection, every open connection's scope, and which sessions still exist.
      for (const name of [...hocuspocus.documents.keys()]) {
        const ref = parseDocumentName(name);
        if (ref?.kind === 'plan') await projection.refreshHere(ref.id);
        if (ref?.kind === 'section') await access.refreshSection(ref.id);
      }
      await context.sessions.sweep();
    },
    async peerLost() {
      // Each section on its own: one that cannot be read now does not keep the others behind.
      const failed: string[] = [];
      for (const [name, document] of [...hocuspocus.documents.entries()]) {
        if (parseDocumentName(name)?.kind !== 'section') continue;
        await persistence.catchUp(name, document).catch(() => failed.push(name));
      }
      if (failed.length > 0) throw new Error(`could not catch up ${failed.length} section(s) from storage`);
    },
  };
}
