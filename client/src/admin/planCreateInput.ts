import type { CommandInput, Forum } from '@fellesplan/domain';
import type { FieldErrors } from '../forms/fieldErrors.js';

/** How a new plan starts: the default outline of BRIEF, a copy of an earlier plan, empty, or a Word file. */
export type PlanStart = 'default' | 'copy' | 'blank' | 'import';

export interface PlanForm {
  title: string;
  forum: Forum | '';
  period: string;
  start: PlanStart;
  copyFromPlanId: string;
  partyIds: readonly string[];
  /** For a Word import: whether a file has been read and its sections shown. */
  previewed?: boolean;
}

export type PlanField = 'title' | 'copyFromPlanId' | 'file' | 'partyIds';

/** The `plans.create` command for what the form says, or what is missing from it. */
export function planCreateInput(
  form: PlanForm,
): { input: CommandInput<'plans.create'>; errors?: never } | { input?: never; errors: FieldErrors<PlanField> } {
  const errors: FieldErrors<PlanField> = {};
  if (!form.title.trim()) errors.title = 'form.titleRequired';
  if (form.start === 'copy' && !form.copyFromPlanId) errors.copyFromPlanId = 'form.planRequired';
  if (form.start === 'import' && !form.previewed) errors.file = 'wordImport.previewRequired';
  if (form.partyIds.length === 0) errors.partyIds = 'form.partiesRequired';
  if (Object.keys(errors).length > 0) return { errors };
  const period = form.period.trim();
  return {
    input: {
      title: form.title.trim(),
      forum: form.forum || null,
      period: period || null,
      // A copy or an import brings its own sections and text, so it starts from nothing else.
      template: form.start === 'default' ? 'default' : 'blank',
      ...(form.start === 'copy' ? { copyFromPlanId: form.copyFromPlanId } : {}),
      partyIds: [...form.partyIds],
    },
  };
}
