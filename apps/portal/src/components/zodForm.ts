import { useEffect, useRef } from 'react';
import { useForm, type FormErrors, type UseFormInput } from '@mantine/form';
import { issueMessage, ErrorCode, type Lang } from '@cakap/contracts';
import type { z } from 'zod';
import { isApiError } from '../api';
import { useLang } from '../i18n/useLang';

/**
 * Validates form values with a contracts zod schema and words the issues with contracts'
 * `issueMessage`, so a form explains a NIP exactly like the api and an import do.
 * `toInput` turns form values (strings, nulls) into what the schema expects.
 */
export function zodErrors<V>(schema: z.ZodType, toInput: (values: V) => unknown, values: V, lang: Lang): FormErrors {
  const input = toInput(values);
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '';
    if (!key || key in errors) continue;
    errors[key] = issueMessage(issue, lang, input).message;
  }
  return errors;
}

interface ZodFormOptions<V extends Record<string, unknown>> extends Omit<UseFormInput<V>, 'validate'> {
  initialValues: V;
  schema: z.ZodType;
  toInput?: (values: V) => unknown;
  /** Extra client-only rules (e.g. "repeat password"). */
  extra?: (values: V, lang: Lang) => FormErrors;
}

/** A Mantine form that validates as the user types, in the current language. */
export function useZodForm<V extends Record<string, unknown>>({ schema, toInput, extra, ...options }: ZodFormOptions<V>) {
  const lang = useLang();
  const langRef = useRef(lang);
  langRef.current = lang;
  const form = useForm<V>({
    mode: 'controlled',
    validateInputOnChange: true,
    validateInputOnBlur: true,
    ...options,
    validate: (values) => ({
      ...(extra ? extra(values, langRef.current) : {}),
      ...zodErrors(schema, toInput ?? ((v: V) => v), values, langRef.current),
    }),
  });
  // Re-word the errors already on screen when the language changes.
  const formRef = useRef(form);
  formRef.current = form;
  useEffect(() => {
    const f = formRef.current;
    for (const key of Object.keys(f.errors)) f.validateField(key as never);
  }, [lang]);
  return form;
}

/** Conflicts the api answers without a field list, and the field they belong to. */
const CODE_FIELDS: Record<string, string> = {
  [ErrorCode.NipTaken]: 'nip',
  [ErrorCode.OrgUnitCodeTaken]: 'code',
  [ErrorCode.OrgUnitCycle]: 'parentId',
  'validation.emailTaken': 'email',
};

/**
 * Puts the api's field errors (problem+json `errors[{field, message}]`) on the form's fields.
 * Returns true when every error found a field, so no general alert is needed.
 */
export function applyServerErrors(
  form: { setFieldError: (path: never, error: React.ReactNode) => void },
  error: unknown,
  fields: readonly string[],
): boolean {
  if (!isApiError(error)) return false;
  let mapped = 0;
  let unmapped = 0;
  for (const e of error.errors) {
    const key = e.field.replace(/^(body|data)\./, '').split(/[.[]/)[0];
    if (fields.includes(key)) {
      form.setFieldError(key as never, e.message);
      mapped++;
    } else {
      unmapped++;
    }
  }
  if (!error.errors.length && CODE_FIELDS[error.code] && fields.includes(CODE_FIELDS[error.code])) {
    form.setFieldError(CODE_FIELDS[error.code] as never, error.detail || error.title);
    return true;
  }
  return mapped > 0 && unmapped === 0;
}

/** '' -> null for optional text fields. */
export const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
