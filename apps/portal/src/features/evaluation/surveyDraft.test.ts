import { describe, expect, it } from 'vitest';
import { courseSurveyInputSchema, type CourseSurvey } from '@cakap/contracts';
import {
  addQuestion,
  changeType,
  draftOf,
  isDraftDirty,
  moveQuestion,
  newQuestionId,
  questionErrors,
  removeQuestion,
  toSurveyInput,
  updateQuestion,
} from './surveyDraft';

const survey: CourseSurvey = {
  courseId: '7d0f1c8e-2b1a-4c55-9a51-8b7e4f3a2c10',
  isDefault: true,
  responseCount: 0,
  requiredForCertificate: false,
  questions: [
    { id: 'q1', type: 'likert', text: 'Materi relevan', dimension: 'relevance', required: true },
    { id: 'q2', type: 'likert', text: 'Narasumber jelas', dimension: 'presenter', required: true },
    { id: 'q3', type: 'text', text: 'Saran', required: false },
  ],
};

describe('survey editor draft', () => {
  it('starts clean and becomes dirty on any change', () => {
    const saved = draftOf(survey);
    expect(isDraftDirty(draftOf(survey), saved)).toBe(false);
    expect(isDraftDirty(updateQuestion(saved, 0, { text: 'Materi sangat relevan' }), saved)).toBe(true);
    expect(isDraftDirty({ ...saved, requiredForCertificate: true }, saved)).toBe(true);
  });

  it('never reuses an existing id for a new question', () => {
    expect(newQuestionId(survey.questions)).toBe('q4');
    const afterRemove = removeQuestion(draftOf(survey), 0); // q2, q3 left: "q3" is taken
    expect(newQuestionId(afterRemove.questions)).toBe('q4');
  });

  it('adds a Likert question required with a dimension, a text question optional', () => {
    const d = addQuestion(addQuestion(draftOf(survey), 'likert', 'platform'), 'text');
    expect(d.questions.slice(3)).toEqual([
      { id: 'q4', type: 'likert', text: '', dimension: 'platform', required: true },
      { id: 'q5', type: 'text', text: '', required: false },
    ]);
  });

  it('moves a question up and down, and not past either end', () => {
    const d = draftOf(survey);
    expect(moveQuestion(d, 2, -1).questions.map((q) => q.id)).toEqual(['q1', 'q3', 'q2']);
    expect(moveQuestion(d, 0, 1).questions.map((q) => q.id)).toEqual(['q2', 'q1', 'q3']);
    expect(moveQuestion(d, 0, -1)).toBe(d);
    expect(moveQuestion(d, 2, 1)).toBe(d);
  });

  it('changes a type keeping id, text and required; a Likert question gets a dimension', () => {
    const toText = changeType(draftOf(survey), 0, 'text');
    expect(toText.questions[0]).toEqual({ id: 'q1', type: 'text', text: 'Materi relevan', required: true });
    const toLikert = changeType(draftOf(survey), 2, 'likert');
    expect(toLikert.questions[2]).toEqual({ id: 'q3', type: 'likert', text: 'Saran', dimension: 'overall', required: false });
  });

  it('produces a body the contract accepts, texts trimmed', () => {
    const d = updateQuestion(draftOf(survey), 2, { text: '  Saran Anda  ' });
    const input = toSurveyInput(d);
    expect(input.questions[2]!.text).toBe('Saran Anda');
    expect(courseSurveyInputSchema.safeParse(input).success).toBe(true);
  });

  it('picks the server errors of one question by index', () => {
    const errors = { 'questions.1.text': 'Minimal 3 karakter', 'questions.10.text': 'other', questions: 'IDs' };
    expect(questionErrors(errors, 1)).toEqual({ text: 'Minimal 3 karakter' });
    expect(questionErrors(errors, 0)).toEqual({});
  });
});
