import { isApiError } from '../../api';

const FIELDS = ['type', 'points', 'categoryId', 'tags', 'competencyTags'] as const;

export interface QuestionErrors {
  /** By form field (`points`, `tags`...). */
  fields: Record<string, string>;
  /** For the type's editor, by path inside the data (`options.1.text`). */
  data: Record<string, string>;
  /** Field errors that belong to nothing on screen. */
  unplaced: string[];
  /** A failure without field errors. */
  general: unknown;
}

/** Sorts the api's field errors of a question save onto the form, the plugin editor, or a list. */
export function splitQuestionErrors(error: unknown): QuestionErrors {
  const out: QuestionErrors = { fields: {}, data: {}, unplaced: [], general: null };
  if (!isApiError(error) || error.errors.length === 0) {
    out.general = error;
    return out;
  }
  for (const e of error.errors) {
    const path = e.field.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
    if (path === 'data' || path.startsWith('data.')) {
      const inner = path.slice(5) || '_';
      out.data[inner] ??= e.message;
      continue;
    }
    const top = path.split('.')[0];
    if ((FIELDS as readonly string[]).includes(top)) out.fields[top] ??= e.message;
    else out.unplaced.push(e.message);
  }
  return out;
}
