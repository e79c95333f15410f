import { createHash } from 'node:crypto';
import { issueMessage, type CompetencyNode, type FrameworkStatus } from '@cakap/contracts';
import type { z } from 'zod';
import { compareSiblings, wouldCycle } from './tree';

/**
 * A framework as a file carries it (CSV or CASE): the metadata and the competency tree, with
 * the CASE identifiers that keep a framework and its items recognisable across export and
 * re-import, but without database ids.
 */
export interface FrameworkDocument {
  /** The CASE CFDocument identifier. */
  identifier: string;
  name: string;
  description: string;
  publisher: string;
  version: string;
  scaleMax: number;
  language: 'id' | 'en';
  status: FrameworkStatus;
  competencies: CompetencyDocumentNode[];
}

/** A competency of a `FrameworkDocument`: the API's `CompetencyNode` without its database id. */
export type CompetencyDocumentNode = Omit<CompetencyNode, 'id' | 'children'> & { children: CompetencyDocumentNode[] };

/**
 * One problem in an imported file. `code` is a message key of the contracts' catalogue and
 * `params` fill its placeholders, so the API renders it in the reader's language. `field` names
 * the place: `row 7` or `row 7, name` for a CSV (the line number, header included),
 * a JSON path such as `CFItems[3].humanCodingScheme` for CASE, or `file` for the whole file.
 */
export interface ImportIssue {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export type ImportResult = { ok: true; framework: FrameworkDocument } | { ok: false; errors: ImportIssue[] };

/** Enough to fix a file in one go without drowning the admin (or the response) in repeats. */
export const MAX_IMPORT_ERRORS = 100;

/** Collects an import's problems up to MAX_IMPORT_ERRORS, the last one saying that more were left out. */
export class ImportIssues {
  private readonly list: ImportIssue[] = [];
  private truncated = false;

  add(field: string, code: string, params?: Record<string, unknown>): void {
    if (this.list.length < MAX_IMPORT_ERRORS) this.list.push({ field, code, ...(params ? { params } : {}) });
    else this.truncated = true;
  }

  /**
   * Every issue of a failed zod parse of `input`; `fieldOf` names the place of an issue path.
   * An issue about a whole list (levels not contiguous) when one of its elements already failed
   * (level 0) is a consequence, not a second mistake, and is left out.
   */
  addZod(error: z.ZodError, input: unknown, fieldOf: (path: readonly PropertyKey[]) => string): void {
    const within = (outer: readonly PropertyKey[], inner: readonly PropertyKey[]) =>
      inner.length > outer.length && outer.every((key, i) => inner[i] === key);
    for (const issue of error.issues) {
      if (error.issues.some((other) => within(issue.path, other.path))) continue;
      const { code, params } = zodIssue(issue, input);
      this.add(fieldOf(issue.path), code, params);
    }
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  get errors(): ImportIssue[] {
    return this.truncated ? [...this.list, { field: 'file', code: 'competency.importMoreErrors', params: { max: MAX_IMPORT_ERRORS } }] : [...this.list];
  }
}

/**
 * A zod issue as a message key with its parameters (issueMessage decides the key; the
 * parameters are the numbers and options its template names).
 */
export function zodIssue(issue: z.core.$ZodIssue, input: unknown): { code: string; params?: Record<string, unknown> } {
  const { code } = issueMessage(issue, 'id', input);
  if (issue.code === 'too_big') return { code, params: { maximum: Number(issue.maximum) } };
  if (issue.code === 'too_small' && code !== 'validation.required') return { code, params: { minimum: Number(issue.minimum) } };
  if (issue.code === 'invalid_value') return { code, params: { options: issue.values.map(String).join(', ') } };
  if (issue.code === 'unrecognized_keys') return { code, params: { keys: issue.keys.join(', ') } };
  return { code };
}

/**
 * A name-based (version 5) UUID: the same namespace and name always give the same identifier.
 * Files written by hand carry no identifiers; deriving them from the framework and the code
 * makes importing the same file twice recognisably the same framework (and the seed idempotent).
 */
export function derivedIdentifier(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The namespace of framework identifiers derived from a file's name and version. */
export const CAKAP_FRAMEWORK_NAMESPACE = '7e260a20-02ff-4faf-be8b-4e47fbe5349a';

export function derivedFrameworkIdentifier(name: string, version: string): string {
  return derivedIdentifier(CAKAP_FRAMEWORK_NAMESPACE, `${name.toLowerCase()}\n${version.toLowerCase()}`);
}

/** A competency's identifier derived from its framework's and its code (codes are unique case-insensitively). */
export function derivedCompetencyIdentifier(frameworkIdentifier: string, code: string): string {
  return derivedIdentifier(frameworkIdentifier, code.toUpperCase());
}

/** A competency read from a file, its parent named by identifier, before the tree is built. */
export interface DraftCompetency extends Omit<CompetencyDocumentNode, 'children'> {
  parentIdentifier: string | null;
}

/**
 * The tree of a file's competencies. Reports identifiers used twice and parent links that go
 * round in a circle (at the places `placeOf` names); a parent that is not among `drafts` makes
 * a root. Siblings are ordered as the API orders them.
 */
export function assembleTree<T extends DraftCompetency>(
  drafts: readonly T[],
  issues: ImportIssues,
  placeOf: (draft: T) => { identifier: string; parent: string },
): CompetencyDocumentNode[] {
  const byIdentifier = new Map<string, T>();
  for (const draft of drafts) {
    if (byIdentifier.has(draft.identifier)) issues.add(placeOf(draft).identifier, 'competency.identifierTaken', { identifier: draft.identifier });
    else byIdentifier.set(draft.identifier, draft);
  }
  const parentOf = new Map(drafts.map((d) => [d.identifier, d.parentIdentifier]));
  for (const draft of drafts) {
    // A competency whose parent chain comes back to it; each member of the circle is reported.
    if (wouldCycle(parentOf, draft.identifier, draft.parentIdentifier)) issues.add(placeOf(draft).parent, 'competency.parentCycle');
  }
  const nodes = new Map<string, CompetencyDocumentNode>();
  // Only the node's own fields: drafts may carry where they came from in the file.
  for (const { identifier, code, name, kind, definition, position, levels } of byIdentifier.values()) {
    nodes.set(identifier, { identifier, code, name, kind, definition, position, levels, children: [] });
  }
  const roots: CompetencyDocumentNode[] = [];
  for (const draft of byIdentifier.values()) {
    const parent = draft.parentIdentifier ? nodes.get(draft.parentIdentifier) : undefined;
    (parent ? parent.children : roots).push(nodes.get(draft.identifier)!);
  }
  return sortedTree(roots);
}

/** A copy of the tree with siblings in the API's order (position, then code). */
export function sortedTree(nodes: readonly CompetencyDocumentNode[]): CompetencyDocumentNode[] {
  return [...nodes].sort(compareSiblings).map((n) => ({ ...n, children: sortedTree(n.children) }));
}
