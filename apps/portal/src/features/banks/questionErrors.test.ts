import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { splitQuestionErrors } from './questionErrors';

describe('question save errors', () => {
  it('puts data errors on the plugin editor by inner path and the rest on the form fields', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'x',
      errors: [
        { field: 'data.options[1].text', code: 'too_small', message: 'Isi pilihan 2' },
        { field: 'data', code: 'custom', message: 'Pilih satu jawaban benar' },
        { field: 'points', code: 'too_big', message: 'Paling banyak 100' },
        { field: 'tags.0', code: 'too_big', message: 'Tag terlalu panjang' },
        { field: 'somethingElse', code: 'custom', message: 'Lain' },
      ],
    });
    expect(splitQuestionErrors(error)).toEqual({
      fields: { points: 'Paling banyak 100', tags: 'Tag terlalu panjang' },
      data: { 'options.1.text': 'Isi pilihan 2', _: 'Pilih satu jawaban benar' },
      unplaced: ['Lain'],
      general: null,
    });
  });

  it('keeps a failure without field errors as a general one', () => {
    const error = new ApiError({ status: 500, code: 'internal', title: 'x' });
    expect(splitQuestionErrors(error).general).toBe(error);
  });
});
