import type { UserView } from '@fellesplan/domain';

/**
 * Whether to offer the administration area. The server only gives the admin role to people of a
 * sekretariat party (`isAdministrator` in the domain) and checks every command itself; this only
 * decides what the page shows.
 */
export function mayAdminister(user: UserView | null | undefined): boolean {
  return user?.role === 'admin';
}
