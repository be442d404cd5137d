import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001_initial.js';
import * as consensus from './002_consensus.js';
import * as threads from './003_threads.js';
import * as auditSignature from './004_audit_signature.js';
import * as markerOrder from './005_marker_order.js';
import * as administration from './006_administration.js';
import * as notifications from './007_notifications.js';
import * as staleMarkers from './008_stale_markers.js';
import * as versions from './009_versions.js';
import * as hearings from './010_hearings.js';
import * as hearingNumbers from './011_hearing_numbers.js';

/** Migrations are listed in code (not read from disk) so they work the same under tsx and bundlers. */
export const migrationProvider: MigrationProvider = {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({
      '001_initial': initial,
      '002_consensus': consensus,
      '003_threads': threads,
      '004_audit_signature': auditSignature,
      '005_marker_order': markerOrder,
      '006_administration': administration,
      '007_notifications': notifications,
      '008_stale_markers': staleMarkers,
      '009_versions': versions,
      '010_hearings': hearings,
      '011_hearing_numbers': hearingNumbers,
    });
  },
};
