import {
  createCompetencySchema,
  createFrameworkSchema,
  type CompetencyKind,
  type FrameworkStatus,
  type LevelDefinition,
} from '@cakap/contracts';
import { z } from 'zod';
import {
  ImportIssues,
  assembleTree,
  derivedIdentifier,
  sortedTree,
  type CompetencyDocumentNode,
  type DraftCompetency,
  type FrameworkDocument,
  type ImportResult,
} from './import';
import { levelsAboveScale } from './levels';

/**
 * 1EdTech CASE 1.0 (Competencies and Academic Standards Exchange) packages: how a framework
 * travels between Cakap and other competency tools. The mapping is documented in README.md.
 */

const CASE_PATH = '/ims/case/v1p0';

/** CFItemType of each kind; imports read them case-insensitively and take anything else as teknis. */
export const CASE_ITEM_TYPES: Record<CompetencyKind, string> = {
  manajerial: 'Manajerial',
  sosial_kultural: 'Sosial Kultural',
  teknis: 'Teknis',
};

const ADOPTION_STATUS: Record<FrameworkStatus, string> = { draft: 'Draft', published: 'Adopted', retired: 'Deprecated' };

/** Where the proficiency scale travels: the rubric's description reads `scale 1..N`. */
const SCALE_PATTERN = /\bscale\s+1\s*\.\.\s*(\d+)/i;

// ---------------------------------------------------------------- export

export interface CaseExportOptions {
  /** The instance's public address: CASE uris are `${baseUri}/ims/case/v1p0/CFItems/<identifier>`. */
  baseUri: string;
  /** When the framework last changed (CASE requires a lastChangeDateTime everywhere); now when absent. */
  lastChangeDateTime?: Date | string;
}

/**
 * The framework as a CASE 1.0 CFPackage (pretty JSON). Identifiers of the rubric, its criteria
 * and levels and of the associations are derived from the items', so the same framework always
 * exports the same file.
 */
export function frameworkToCase(doc: FrameworkDocument, options: CaseExportOptions): string {
  const base = options.baseUri.replace(/\/+$/, '') + CASE_PATH;
  const lastChangeDateTime = new Date(options.lastChangeDateTime ?? Date.now()).toISOString();
  const link = (collection: string, identifier: string, title: string) => ({ title, identifier, uri: `${base}/${collection}/${identifier}` });
  const documentLink = link('CFDocuments', doc.identifier, doc.name);
  const rubricId = derivedIdentifier(doc.identifier, 'CFRubric');

  const items: object[] = [];
  const associations: object[] = [];
  const criteria: object[] = [];
  const visit = (nodes: readonly CompetencyDocumentNode[], parent: { title: string; identifier: string; uri: string }) => {
    for (const node of nodes) {
      const itemLink = link('CFItems', node.identifier, node.name);
      items.push({
        identifier: node.identifier,
        uri: itemLink.uri,
        fullStatement: node.definition || node.name,
        abbreviatedStatement: node.name,
        humanCodingScheme: node.code,
        listEnumeration: String(node.position),
        CFItemType: CASE_ITEM_TYPES[node.kind],
        language: doc.language,
        lastChangeDateTime,
        CFDocumentURI: documentLink,
      });
      const associationId = derivedIdentifier(node.identifier, 'isChildOf');
      associations.push({
        identifier: associationId,
        uri: `${base}/CFAssociations/${associationId}`,
        associationType: 'isChildOf',
        sequenceNumber: node.position,
        originNodeURI: itemLink,
        destinationNodeURI: parent,
        CFDocumentURI: documentLink,
        lastChangeDateTime,
      });
      if (node.levels.length) criteria.push(criterionOf(node, criteria.length, itemLink, rubricId, base, lastChangeDateTime));
      visit(node.children, itemLink);
    }
  };
  visit(sortedTree(doc.competencies), documentLink);

  const pkg = {
    CFDocument: {
      identifier: doc.identifier,
      uri: documentLink.uri,
      creator: doc.publisher,
      title: doc.name,
      lastChangeDateTime,
      description: doc.description,
      language: doc.language,
      version: doc.version,
      adoptionStatus: ADOPTION_STATUS[doc.status],
      CFPackageURI: link('CFPackages', doc.identifier, doc.name),
    },
    CFItems: items,
    CFAssociations: associations,
    CFRubrics: [
      {
        identifier: rubricId,
        uri: `${base}/CFRubrics/${rubricId}`,
        title: doc.name,
        description: `scale 1..${doc.scaleMax}`,
        lastChangeDateTime,
        CFRubricCriteria: criteria,
      },
    ],
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

function criterionOf(
  node: CompetencyDocumentNode,
  position: number,
  itemLink: { title: string; identifier: string; uri: string },
  rubricId: string,
  base: string,
  lastChangeDateTime: string,
) {
  const identifier = derivedIdentifier(node.identifier, 'CFRubricCriterion');
  return {
    identifier,
    uri: `${base}/CFRubricCriteria/${identifier}`,
    category: node.code,
    description: node.name,
    CFItemURI: itemLink,
    position,
    rubricId,
    lastChangeDateTime,
    CFRubricCriterionLevels: node.levels.map((level: LevelDefinition) => {
      const levelId = derivedIdentifier(node.identifier, `CFRubricCriterionLevel ${level.level}`);
      return {
        identifier: levelId,
        uri: `${base}/CFRubricCriterionLevels/${levelId}`,
        description: level.description,
        quality: `Level ${level.level}`,
        score: level.level,
        feedback: level.indicators.join('\n'),
        position: level.level,
        rubricCriterionId: identifier,
        lastChangeDateTime,
      };
    }),
  };
}

// ---------------------------------------------------------------- import

/**
 * The parts of a CFPackage that Cakap reads. Loose: other tools add fields (and send null for
 * absent optional ones), which are ignored. Identifiers must be UUIDs, as CASE requires.
 */
const optionalText = z.string().nullish();
const linkSchema = z.looseObject({ identifier: z.string() });
const packageSchema = z.looseObject({
  CFDocument: z.looseObject({
    identifier: z.uuid(),
    title: optionalText,
    creator: optionalText,
    publisher: optionalText,
    description: optionalText,
    version: optionalText,
    language: optionalText,
    adoptionStatus: optionalText,
  }),
  CFItems: z
    .array(
      z.looseObject({
        identifier: z.uuid(),
        fullStatement: optionalText,
        abbreviatedStatement: optionalText,
        humanCodingScheme: optionalText,
        listEnumeration: z.union([z.string(), z.number()]).nullish(),
        CFItemType: optionalText,
      }),
    )
    .nullish(),
  CFAssociations: z
    .array(
      z.looseObject({
        associationType: z.string(),
        originNodeURI: linkSchema,
        destinationNodeURI: linkSchema,
        sequenceNumber: z.number().nullish(),
      }),
    )
    .nullish(),
  CFRubrics: z
    .array(
      z.looseObject({
        description: optionalText,
        CFRubricCriteria: z
          .array(
            z.looseObject({
              CFItemURI: linkSchema.nullish(),
              CFRubricCriterionLevels: z
                .array(
                  z.looseObject({
                    score: z.number().nullish(),
                    position: z.number().nullish(),
                    description: optionalText,
                    quality: optionalText,
                    feedback: optionalText,
                  }),
                )
                .nullish(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});
type CasePackage = z.infer<typeof packageSchema>;
type CaseItem = NonNullable<CasePackage['CFItems']>[number];

/** `['CFItems', 3, 'humanCodingScheme']` -> `CFItems[3].humanCodingScheme`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** A rubric criterion's levels and where they are in the file. */
type Criterion = { path: string; levels: { path: string; input: Record<string, unknown> }[] };
type CaseDraft = DraftCompetency & { path: string; parentPath: string };

/**
 * Reads a CASE 1.0 CFPackage: the CFDocument, its CFItems, their isChildOf associations (others
 * are ignored) and the rubric levels. Every problem is collected (up to MAX_IMPORT_ERRORS)
 * with the JSON path it is at, so nothing is half-imported.
 */
export function parseFrameworkCase(text: string): ImportResult {
  const issues = new ImportIssues();
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    issues.add('file', text.trim() ? 'competency.importNotJson' : 'import.empty');
    return { ok: false, errors: issues.errors };
  }
  const document = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).CFDocument : undefined;
  const looksLikeCase = typeof document === 'object' && document !== null && !Array.isArray(document);
  if (!looksLikeCase) {
    issues.add('file', 'competency.importNotCase');
    return { ok: false, errors: issues.errors };
  }
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) {
    issues.addZod(parsed.error, json, jsonPath);
    return { ok: false, errors: issues.errors };
  }
  const pkg = parsed.data;
  const items = pkg.CFItems ?? [];

  const criteria = readRubrics(pkg, items, issues);
  const scale = readScale(pkg, criteria);
  const framework = readDocument(pkg, scale, issues);
  const drafts: CaseDraft[] = [];
  items.forEach((item, index) => {
    const draft = readItem(item, index, criteria.get(item.identifier.toLowerCase()), framework?.scaleMax, issues);
    if (draft) drafts.push(draft);
  });
  checkCodes(drafts, issues);
  linkParents(pkg, drafts, issues);
  const competencies = assembleTree(drafts, issues, (draft) => ({ identifier: `${draft.path}.identifier`, parent: draft.parentPath }));
  if (!issues.empty || !framework) return { ok: false, errors: issues.errors };
  return { ok: true, framework: { ...framework, competencies } };
}

/** Each item's criterion (by lower-cased item identifier). */
function readRubrics(pkg: CasePackage, items: readonly CaseItem[], issues: ImportIssues): Map<string, Criterion> {
  const known = new Set(items.map((i) => i.identifier.toLowerCase()));
  const criteria = new Map<string, Criterion>();
  (pkg.CFRubrics ?? []).forEach((rubric, r) =>
    (rubric.CFRubricCriteria ?? []).forEach((criterion, c) => {
      const path = `CFRubrics[${r}].CFRubricCriteria[${c}]`;
      // A criterion about no item (a general rubric of another tool) says nothing about levels.
      if (!criterion.CFItemURI) return;
      const item = criterion.CFItemURI.identifier.toLowerCase();
      if (!known.has(item)) return issues.add(`${path}.CFItemURI.identifier`, 'competency.importUnknownItem', { identifier: criterion.CFItemURI.identifier });
      if (criteria.has(item)) return issues.add(path, 'competency.importManyCriteria', { identifier: criterion.CFItemURI.identifier });
      criteria.set(item, {
        path: `${path}.CFRubricCriterionLevels`,
        levels: (criterion.CFRubricCriterionLevels ?? []).map((level, l) => ({
          path: `${path}.CFRubricCriterionLevels[${l}]`,
          input: {
            level: level.score ?? level.position,
            description: level.description || level.quality || '',
            indicators: (level.feedback ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
          },
        })),
      });
    }),
  );
  return criteria;
}

/** The scale from the rubric's `scale 1..N`; from another tool, the highest level it defines (5 without levels). */
function readScale(pkg: CasePackage, criteria: ReadonlyMap<string, Criterion>): { value: number; path: string } {
  for (const [r, rubric] of (pkg.CFRubrics ?? []).entries()) {
    const match = SCALE_PATTERN.exec(rubric.description ?? '');
    if (match) return { value: Number(match[1]), path: `CFRubrics[${r}].description` };
  }
  const scores = [...criteria.values()].flatMap((c) => c.levels.map((l) => l.input.level)).filter((s): s is number => typeof s === 'number');
  return { value: scores.length ? Math.max(...scores) : 5, path: 'CFRubrics' };
}

function readDocument(pkg: CasePackage, scale: { value: number; path: string }, issues: ImportIssues): Omit<FrameworkDocument, 'competencies'> | null {
  const doc = pkg.CFDocument;
  const pathOf: Record<string, string> = {
    name: 'CFDocument.title',
    description: 'CFDocument.description',
    publisher: doc.creator ? 'CFDocument.creator' : 'CFDocument.publisher',
    version: 'CFDocument.version',
    scaleMax: scale.path,
    language: 'CFDocument.language',
  };
  const input = {
    // Empty is absent: the schema then says "required" rather than "too short".
    name: doc.title || undefined,
    description: doc.description ?? undefined,
    publisher: doc.creator || doc.publisher || undefined,
    version: doc.version || undefined,
    scaleMax: scale.value,
    language: languageOf(doc.language),
  };
  const parsed = createFrameworkSchema.safeParse(input);
  if (!parsed.success) {
    issues.addZod(parsed.error, input, (path) => pathOf[String(path[0])]);
    return null;
  }
  return { identifier: doc.identifier.toLowerCase(), ...parsed.data, status: statusOf(doc.adoptionStatus) };
}

/** `id`, `id-ID`, `ind` -> id; `en-US`, `eng` -> en; absent -> id; anything else stays as written and fails validation. */
function languageOf(language: string | null | undefined): string | undefined {
  if (!language) return undefined;
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'id' || primary === 'ind' || primary === 'in') return 'id';
  if (primary === 'en' || primary === 'eng') return 'en';
  return language;
}

/** CASE adoption statuses: Adopted is published, Deprecated retired, the drafts (and anything else) draft. */
function statusOf(adoptionStatus: string | null | undefined): FrameworkStatus {
  const status = (adoptionStatus ?? '').trim().toLowerCase();
  if (status === 'adopted') return 'published';
  if (status === 'deprecated') return 'retired';
  return 'draft';
}

function kindOf(itemType: string | null | undefined): CompetencyKind {
  const normalized = (itemType ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  return normalized === 'manajerial' || normalized === 'sosial_kultural' ? normalized : 'teknis';
}

/** A listEnumeration that is a whole number ("3"); tools also use "a", "iv" or "1.2", which do not order anything here. */
function enumerationOf(listEnumeration: string | number | null | undefined): number | null {
  const value = typeof listEnumeration === 'string' && /^\s*\d+\s*$/.test(listEnumeration) ? Number(listEnumeration) : listEnumeration;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/** Names are short; a tool that only has a (long) fullStatement gets it shortened as the name and kept whole as the definition. */
const NAME_MAX = 200;
const positionSchema = createCompetencySchema.shape.position;

function readItem(item: CaseItem, index: number, criterion: Criterion | undefined, scaleMax: number | undefined, issues: ImportIssues): CaseDraft | null {
  const path = `CFItems[${index}]`;
  const full = (item.fullStatement ?? '').trim();
  const short = (item.abbreviatedStatement ?? '').trim();
  const name = short || (full.length > NAME_MAX ? `${full.slice(0, NAME_MAX - 1).trimEnd()}…` : full);
  const input = {
    code: item.humanCodingScheme || undefined,
    name: name || undefined,
    kind: kindOf(item.CFItemType),
    definition: full === name ? '' : full,
    position: enumerationOf(item.listEnumeration) ?? index,
    levels: (criterion?.levels ?? []).map((l) => l.input),
  };
  const parsed = createCompetencySchema.safeParse(input);
  if (!parsed.success) {
    issues.addZod(parsed.error, input, ([key, level, property]) => {
      if (key === 'levels') {
        if (typeof level !== 'number') return criterion!.path;
        return `${criterion!.levels[level].path}.${property === 'level' ? 'score' : property === 'indicators' ? 'feedback' : 'description'}`;
      }
      const field = { code: 'humanCodingScheme', name: short ? 'abbreviatedStatement' : 'fullStatement', definition: 'fullStatement', position: 'listEnumeration' }[
        key as 'code' | 'name' | 'definition' | 'position'
      ];
      return `${path}.${field}`;
    });
    return null;
  }
  if (scaleMax !== undefined) {
    for (const level of levelsAboveScale(parsed.data.levels, scaleMax)) {
      const at = criterion!.levels.find((l) => l.input.level === level)!;
      issues.add(`${at.path}.score`, 'competency.levelAboveScale', { level, scaleMax });
    }
  }
  const { code, kind, definition, position, levels } = parsed.data;
  return {
    identifier: item.identifier.toLowerCase(),
    parentIdentifier: null,
    code,
    name: parsed.data.name,
    kind,
    definition,
    position: position ?? index,
    levels,
    path,
    parentPath: path,
  };
}

/**
 * The tree from the isChildOf associations (origin = the child, destination = the parent item,
 * or the CFDocument for a root). An item without one is a root; its sequenceNumber orders siblings.
 */
function linkParents(pkg: CasePackage, drafts: readonly CaseDraft[], issues: ImportIssues): void {
  const byIdentifier = new Map(drafts.map((d) => [d.identifier, d]));
  const items = new Set((pkg.CFItems ?? []).map((i) => i.identifier.toLowerCase()));
  const documentId = pkg.CFDocument.identifier.toLowerCase();
  const linked = new Set<string>();
  (pkg.CFAssociations ?? []).forEach((association, a) => {
    if (association.associationType !== 'isChildOf') return;
    const path = `CFAssociations[${a}]`;
    const origin = association.originNodeURI.identifier.toLowerCase();
    const destination = association.destinationNodeURI.identifier.toLowerCase();
    if (!items.has(origin)) return issues.add(`${path}.originNodeURI.identifier`, 'competency.importUnknownItem', { identifier: association.originNodeURI.identifier });
    if (destination !== documentId && !items.has(destination)) {
      return issues.add(`${path}.destinationNodeURI.identifier`, 'competency.importUnknownItem', { identifier: association.destinationNodeURI.identifier });
    }
    if (linked.has(origin)) return issues.add(path, 'competency.importManyParents');
    linked.add(origin);
    const draft = byIdentifier.get(origin);
    if (!draft) return; // the item itself is invalid and already reported
    draft.parentIdentifier = destination === documentId ? null : destination;
    draft.parentPath = path;
    if (association.sequenceNumber === null || association.sequenceNumber === undefined) return;
    const position = positionSchema.safeParse(association.sequenceNumber);
    if (position.success) draft.position = position.data ?? draft.position;
    else issues.addZod(position.error, association.sequenceNumber, () => `${path}.sequenceNumber`);
  });
}

/** Codes are unique in a framework, case-insensitively ("M.1" and "m.1" are one code). */
function checkCodes(drafts: readonly CaseDraft[], issues: ImportIssues): void {
  const seen = new Set<string>();
  for (const draft of drafts) {
    const key = draft.code.toUpperCase();
    if (seen.has(key)) issues.add(`${draft.path}.humanCodingScheme`, 'competency.codeTaken', { code: draft.code });
    seen.add(key);
  }
}
