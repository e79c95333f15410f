import { describe, expect, it } from 'vitest';
import { triageInputSchema, type LearningNeed } from '@cakap/contracts';
import { toTriageInput, triageValuesOf, type TriageValues } from './triageInput';

const need: LearningNeed = {
  id: '6f1c1f4e-8f57-4a57-9d8e-0c7f6c1f1a11',
  title: 'Menulis surat dinas',
  reason: 'Banyak surat keluar masih salah format.',
  votes: 2,
  comments: 0,
  status: 'proposed',
  preferredForm: 'elearning',
  competency: null,
  proposer: { id: '6f1c1f4e-8f57-4a57-9d8e-0c7f6c1f1a12', name: 'Budi', unitName: 'Sekretariat Daerah' },
  votedByMe: false,
  createdAt: '2026-11-29T01:00:00.000Z',
  decisionReason: null,
  plan: null,
};

const values = (over: Partial<TriageValues>): TriageValues => ({ ...triageValuesOf(need, 2026), ...over });

describe('the triage input', () => {
  it('starts a need without a plan at next year', () => {
    expect(triageValuesOf(need, 2026)).toMatchObject({ status: 'proposed', planYear: 2027, planKind: null, decisionReason: '' });
    const planned = triageValuesOf({ ...need, status: 'planned', plan: { kind: 'classical', courseId: null, courseTitle: null, activity: 'Bimtek', year: 2028 } }, 2026);
    expect(planned).toMatchObject({ planYear: 2028, planKind: 'classical', plannedActivity: 'Bimtek' });
  });

  it('sends only what the chosen status uses', () => {
    const typed = { planKind: 'course' as const, plannedCourseId: '6f1c1f4e-8f57-4a57-9d8e-0c7f6c1f1a13', plannedActivity: 'Bimtek' };
    expect(toTriageInput(values({ ...typed, status: 'planned' }))).toEqual({
      status: 'planned',
      decisionReason: null,
      planYear: 2027,
      planKind: 'course',
      plannedCourseId: typed.plannedCourseId,
    });
    expect(toTriageInput(values({ ...typed, status: 'declined', decisionReason: '  Sudah ada kursusnya ' }))).toEqual({
      status: 'declined',
      decisionReason: 'Sudah ada kursusnya',
    });
    expect(toTriageInput(values({ ...typed, status: 'accepted' }))).toEqual({ status: 'accepted', decisionReason: null, planYear: 2027 });
  });

  it('lets the shared schema name the missing field of each status', () => {
    const field = (v: TriageValues) => triageInputSchema.safeParse(toTriageInput(v)).error?.issues.map((i) => i.path.join('.'));
    expect(field(values({ status: 'declined' }))).toEqual(['decisionReason']);
    expect(field(values({ status: 'planned' }))).toEqual(['planKind']);
    expect(field(values({ status: 'planned', planKind: 'classical', plannedActivity: ' ' }))).toEqual(['plannedActivity']);
    expect(field(values({ status: 'accepted', planYear: null }))).toEqual(['planYear']);
    expect(field(values({ status: 'accepted' }))).toBeUndefined();
  });
});
