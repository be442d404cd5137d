import type { ResponseDraft } from './responseDraft.js';

/** A field of the response form: a respondent field, or the text of one remark (`remark:<key>`). */
export type DraftField = 'name' | 'email' | 'statement' | 'acknowledged' | `remark:${string}`;

/**
 * What stops the draft from being sent, as message keys by field, in the order the form shows
 * them (focus goes to the first). The server checks the same and more; this spares a round trip
 * and puts each message under its field.
 */
export function draftProblems(draft: ResponseDraft): [DraftField, string][] {
  const problems: [DraftField, string][] = [];
  if (draft.name.trim() === '') problems.push(['name', 'hearings.public.form.nameRequired']);
  if (draft.email.trim() === '') problems.push(['email', 'hearings.public.form.emailRequired']);
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) problems.push(['email', 'form.emailInvalid']);
  if (draft.statement.trim() === '' && draft.remarks.length === 0)
    problems.push(['statement', 'hearings.public.form.empty']);
  for (const remark of draft.remarks) {
    if (remark.text.trim() === '') problems.push([`remark:${remark.key}`, 'hearings.public.form.remarkEmpty']);
  }
  if (!draft.acknowledged) problems.push(['acknowledged', 'hearings.public.form.acknowledgeRequired']);
  return problems;
}
