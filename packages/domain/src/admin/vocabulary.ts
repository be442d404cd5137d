import type { Actor } from '../types.js';

/** What a person may do beyond taking part: administrators run the helsefellesskap's set-up. */
export const ROLES = ['member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The three decision levels a plan is prepared for (BRIEF: tredelt struktur). */
export const FORUMS = ['partnerskapsmote', 'ssu', 'fsu'] as const;
export type Forum = (typeof FORUMS)[number];

/** The four prioritised patient groups, used as tags on sections (BRIEF). */
export const PATIENT_GROUPS = ['barn_og_unge', 'psykisk_rus', 'skropelige_eldre', 'kroniske_lidelser'] as const;
export type PatientGroup = (typeof PATIENT_GROUPS)[number];

/** The languages a person can choose for the UI. */
export const LANGUAGES = ['nb', 'nn'] as const;

/** How plans start: the default outline of BRIEF, or empty. A copy is `copyFromPlanId`. */
export const PLAN_TEMPLATES = ['default', 'blank'] as const;

/** The person acting, with what the server knows of their place in a helsefellesskap. */
export interface PartnershipActor extends Actor {
  helsefellesskapId: string;
  role: Role;
  /** The kind of their party; administrators are people of a sekretariat party. */
  partyKind: string;
}

/** How long an invitation link stays valid. */
export const INVITATION_DAYS = 7;
