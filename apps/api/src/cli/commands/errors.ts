import { hasMessage, t, type Lang } from '@cakap/contracts';
import type { EntityManager } from 'typeorm';

/** A text in both languages: operators read Indonesian first, English second. */
export interface Bilingual {
  id: string;
  en: string;
}

export function bilingual(key: string, params: Record<string, unknown> = {}): Bilingual {
  return { id: t(key, 'id', params), en: t(key, 'en', params) };
}

export function text(id: string, en: string): Bilingual {
  return { id, en };
}

/** Two lines, Indonesian then English; identical texts are printed once. */
export function render(b: Bilingual, suffix = ''): string {
  return b.id === b.en ? b.id + suffix : `${b.id}${suffix}\n${b.en}${suffix}`;
}

/**
 * An error the operator can fix (bad input, unknown NIP, ...). The CLI prints its lines and
 * exits with code 1; anything else is a bug or an outage and is printed as such.
 */
export class CliError extends Error {
  constructor(public readonly lines: Bilingual[]) {
    super(lines.map((l) => render(l)).join('\n'));
    this.name = 'CliError';
  }

  static of(key: string, params: Record<string, unknown> = {}): CliError {
    return new CliError([bilingual(key, params)]);
  }

  in(lang: Lang): string {
    return this.lines.map((l) => l[lang]).join('\n');
  }
}

/** The zod 4 issue fields this mapping reads. */
interface IssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  values?: unknown[];
}

/** Turns a zod issue into a message of the contracts' catalogue, as the api does for forms. */
export function issueMessage(issue: IssueLike): Bilingual {
  if (hasMessage(issue.message)) return bilingual(issue.message);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? bilingual('validation.required')
        : bilingual(issue.origin === 'string' ? 'validation.tooShort' : 'validation.tooSmall', {
            minimum: issue.minimum,
          });
    case 'too_big':
      return bilingual(issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig', {
        maximum: issue.maximum,
      });
    case 'invalid_format':
      return bilingual(issue.format === 'email' ? 'validation.email' : 'validation.format');
    case 'invalid_value':
      return bilingual('validation.enum', { options: (issue.values ?? []).map(String).join(', ') });
    case 'invalid_type':
      return bilingual(issue.input === undefined ? 'validation.required' : 'validation.invalidType');
    default:
      return bilingual('validation.invalidType');
  }
}

/** Validation failures as one error: a headline, then one line per field, naming the option. */
export function validationError(
  issues: readonly IssueLike[],
  optionOf: (field: string) => string,
): CliError {
  const seen = new Set<string>();
  const headline = bilingual('validation_failed');
  const lines: Bilingual[] = [text(`${headline.id} / ${headline.en}`, `${headline.id} / ${headline.en}`)];
  for (const issue of issues) {
    const option = optionOf(String(issue.path[0] ?? ''));
    const msg = issueMessage(issue);
    const line = `  ${option}: ${msg.id === msg.en ? msg.id : `${msg.id} / ${msg.en}`}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(text(line, line));
  }
  return new CliError(lines);
}

export interface ExecResult<T> {
  rows: T[];
  affected: number;
}

/** Runs SQL inside a transaction's manager and returns rows and the affected count. */
export async function exec<T = Record<string, unknown>>(
  m: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<ExecResult<T>> {
  if (!m.queryRunner) throw new Error('exec() needs a transactional EntityManager');
  const result = await m.queryRunner.query(sql, params, true);
  return { rows: (result.records ?? []) as T[], affected: result.affected ?? 0 };
}

/** The Postgres error code and constraint of a failed query, if it is one. */
export function pgError(e: unknown): { code?: string; constraint?: string } {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return { code: err.driverError?.code ?? err.code, constraint: err.driverError?.constraint ?? err.constraint };
}
