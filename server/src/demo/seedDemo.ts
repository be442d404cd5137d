import type { Logger } from 'pino';
import type { Db } from '../storage/database.js';
import { demoPartnershipSpec } from './demoPlan.js';
import { seedPartnership } from './seedPartnership.js';

/** Seeds the demo helsefellesskap into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(db: Db, logger: Logger): Promise<boolean> {
  const existing = await db.selectFrom('plans').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const seeded = await seedPartnership(db, demoPartnershipSpec());
  logger.info({ planId: seeded.planId }, 'demo data seeded');
  return true;
}
