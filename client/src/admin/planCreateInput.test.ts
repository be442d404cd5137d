import { plansCreateInput } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { planCreateInput, type PlanForm } from './planCreateInput.js';

const form: PlanForm = {
  title: '  Felles utviklingsplan 2027–2030 ',
  forum: 'ssu',
  period: '2027–2030',
  start: 'default',
  copyFromPlanId: '',
  partyIds: ['p1', 'p2'],
};

describe('planCreateInput', () => {
  it('starts from the default outline, and the server schema accepts what it builds', () => {
    const { input } = planCreateInput(form);
    expect(input).toEqual({
      title: 'Felles utviklingsplan 2027–2030',
      forum: 'ssu',
      period: '2027–2030',
      template: 'default',
      partyIds: ['p1', 'p2'],
    });
    expect(plansCreateInput.safeParse(input).success).toBe(true);
  });

  it('copies an earlier plan without adding the default outline to it', () => {
    const { input } = planCreateInput({ ...form, start: 'copy', copyFromPlanId: 'plan-2023' });
    expect(input).toMatchObject({ template: 'blank', copyFromPlanId: 'plan-2023' });
    expect(plansCreateInput.safeParse(input).success).toBe(true);
  });

  it('sends no forum and no period when none is chosen', () => {
    const { input } = planCreateInput({ ...form, forum: '', period: '  ', start: 'blank' });
    expect(input).toMatchObject({ forum: null, period: null, template: 'blank' });
    expect(input).not.toHaveProperty('copyFromPlanId');
  });

  it('names what is missing: a title, the plan to copy, a party', () => {
    expect(planCreateInput({ ...form, title: ' ', start: 'copy', partyIds: [] }).errors).toEqual({
      title: 'form.titleRequired',
      copyFromPlanId: 'form.planRequired',
      partyIds: 'form.partiesRequired',
    });
  });

  it('imports from Word only once the file has been read and its sections shown, as a blank plan', () => {
    expect(planCreateInput({ ...form, start: 'import' }).errors).toEqual({ file: 'wordImport.previewRequired' });
    const { input } = planCreateInput({ ...form, start: 'import', previewed: true });
    expect(input).toMatchObject({ template: 'blank' });
    expect(input).not.toHaveProperty('copyFromPlanId');
  });
});
