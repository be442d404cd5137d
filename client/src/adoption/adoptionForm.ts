import { ADOPTION_BODY_SUGGESTION, type AdoptionOutcome, type PartyKind } from '@fellesplan/domain';
import type { FieldErrors } from '../forms/fieldErrors.js';

export const DECISION_FIELDS = ['body', 'date', 'caseNumber', 'outcome', 'note'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export interface DecisionValues {
  body: string;
  date: string;
  caseNumber: string;
  outcome: AdoptionOutcome | '';
  note: string;
}

/** A new decision starts from the body that usually decides for a party of this kind. */
export function suggestedDecision(kind: PartyKind, language: 'nb' | 'nn'): DecisionValues {
  return { body: ADOPTION_BODY_SUGGESTION[kind][language], date: '', caseNumber: '', outcome: '', note: '' };
}

/** What the form can tell before sending: the three fields a decision needs. */
export function decisionErrors(values: DecisionValues): FieldErrors<DecisionField> {
  return {
    ...(values.body.trim() === '' ? { body: 'adoption.required.body' } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(values.date) ? {} : { date: 'adoption.required.date' }),
    ...(values.outcome === '' ? { outcome: 'adoption.required.outcome' } : {}),
  };
}
