import { describe, expect, it } from 'vitest';
import { courseFollowUpInputSchema, type CourseFollowUp } from '@cakap/contracts';
import { addQuestion, changeType, draftOf, editQuestions, errorsByField, newQuestionId, toInput } from './followUpDraft';

const settings: CourseFollowUp = {
  courseId: '7d0f1c8e-2b1a-4c55-9a51-8b7e4f3a2c10',
  enabled: true,
  weeksAfter: 8,
  includeSuperior: true,
  reminderDays: 7,
  maxReminders: 2,
  isDefault: true,
  learnerQuestionsDefault: true,
  superiorQuestionsDefault: false,
  learnerQuestions: [{ id: 'penerapan_1', type: 'likert', text: 'Saya menerapkannya.', dimension: 'application', required: true }],
  superiorQuestions: [{ id: 'q1', type: 'text', text: 'Perubahan?', required: false }],
};

describe('follow-up settings draft', () => {
  it('sends the default questionnaire as null until it is edited, and the adapted one as it is', () => {
    const draft = draftOf(settings);
    const input = toInput(draft);
    expect(input).toMatchObject({ weeksAfter: 8, learnerQuestions: null, superiorQuestions: [{ id: 'q1', text: 'Perubahan?' }] });
    expect(courseFollowUpInputSchema.safeParse(input).success).toBe(true);
    const edited = { ...draft, learner: editQuestions(draft.learner, (qs) => addQuestion(qs, 'text')) };
    expect(toInput(edited).learnerQuestions).toEqual([settings.learnerQuestions[0], { id: 'q2', type: 'text', text: '', required: false }]);
  });

  it('lets the schema name an emptied or out-of-range number and an empty question text', () => {
    const draft = { ...draftOf(settings), weeksAfter: '', maxReminders: 9 };
    const edited = { ...draft, superior: editQuestions(draft.superior, (qs) => addQuestion(qs, 'likert')) };
    const result = courseFollowUpInputSchema.safeParse(toInput(edited));
    expect(result.success).toBe(false);
    const fields = errorsByField(result.error!.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    expect(Object.keys(fields).sort()).toEqual(['maxReminders', 'superiorQuestions.1.text', 'weeksAfter']);
  });

  it('never reuses a question id and keeps id and text when the type changes', () => {
    expect(newQuestionId([{ id: 'q2', type: 'text', text: 'x', required: false }])).toBe('q3');
    const likert = changeType({ id: 'q1', type: 'text', text: 'Apa?', required: true }, 'likert');
    expect(likert).toEqual({ id: 'q1', type: 'likert', text: 'Apa?', dimension: 'application', required: true });
    expect(changeType(likert, 'text')).toEqual({ id: 'q1', type: 'text', text: 'Apa?', required: true });
  });
});
