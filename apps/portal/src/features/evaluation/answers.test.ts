import { describe, expect, it } from 'vitest';
import { EVALUATION_MESSAGES, type SurveyQuestion } from '@cakap/contracts';
import { answerFieldErrors, isDirty, toResponseInput, validateAnswers } from './answers';

const questions: SurveyQuestion[] = [
  { id: 'relevan', type: 'likert', text: 'Materi relevan dengan tugas saya', dimension: 'relevance', required: true },
  { id: 'platform', type: 'likert', text: 'Platform mudah digunakan', dimension: 'platform', required: false },
  { id: 'saran', type: 'text', text: 'Saran perbaikan', required: false },
  { id: 'kesan', type: 'text', text: 'Kesan Anda', required: true },
];

describe('validateAnswers', () => {
  it('names every required question left unanswered, and only those', () => {
    expect(validateAnswers(questions, {})).toEqual({
      relevan: EVALUATION_MESSAGES.answerRequired,
      kesan: EVALUATION_MESSAGES.answerRequired,
    });
  });

  it('treats a text of spaces as unanswered', () => {
    expect(validateAnswers(questions, { relevan: 4, kesan: '   ' })).toEqual({ kesan: EVALUATION_MESSAGES.answerRequired });
  });

  it('passes when the required questions are answered', () => {
    expect(validateAnswers(questions, { relevan: 1, kesan: 'Bagus' })).toEqual({});
  });
});

describe('toResponseInput', () => {
  it('sends scores and trimmed texts, leaving unanswered optional questions out', () => {
    expect(toResponseInput(questions, { relevan: 5, platform: undefined, saran: '  ', kesan: ' Sangat membantu \n' })).toEqual({
      answers: { relevan: 5, kesan: 'Sangat membantu' },
    });
  });

  it('ignores answers to questions that are not in the survey', () => {
    expect(toResponseInput(questions, { relevan: 3, stale: 2 })).toEqual({ answers: { relevan: 3 } });
  });
});

describe('isDirty', () => {
  it('is clean until something is picked or typed', () => {
    expect(isDirty({})).toBe(false);
    expect(isDirty({ saran: '' })).toBe(false);
    expect(isDirty({ saran: ' ' })).toBe(false);
    expect(isDirty({ relevan: 2 })).toBe(true);
    expect(isDirty({ saran: 'x' })).toBe(true);
  });
});

describe('answerFieldErrors', () => {
  it('keys the server errors by question id and leaves the others to the general alert', () => {
    expect(answerFieldErrors({ 'answers.relevan': 'Pertanyaan ini wajib dijawab', _: 'Sudah diisi', 'answers.stale': 'x' }, questions)).toEqual({
      relevan: 'Pertanyaan ini wajib dijawab',
    });
  });
});
