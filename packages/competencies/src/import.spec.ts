import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelsSchema } from '@cakap/contracts';
import {
  ImportIssues,
  MAX_IMPORT_ERRORS,
  derivedCompetencyIdentifier,
  derivedFrameworkIdentifier,
  derivedIdentifier,
  sortedTree,
  type CompetencyDocumentNode,
} from './import';
import { SKJ_DICTIONARY, SKJ_FRAMEWORK_IDENTIFIER, skjDictionary, type SkjDictionaryJson } from './skj';

describe('derivedIdentifier', () => {
  it('is a standard name-based (v5) UUID', () => {
    // RFC 4122 appendix: "www.example.com" in the DNS namespace.
    expect(derivedIdentifier('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives a framework from its name and version and a competency from its code, whatever their case', () => {
    expect(derivedFrameworkIdentifier('Kompetensi Teknis', '2021')).toBe(derivedFrameworkIdentifier('KOMPETENSI TEKNIS', '2021'));
    expect(derivedFrameworkIdentifier('Kompetensi Teknis', '2021')).not.toBe(derivedFrameworkIdentifier('Kompetensi Teknis', '2022'));
    expect(derivedCompetencyIdentifier(SKJ_FRAMEWORK_IDENTIFIER, 'sk.1')).toBe(derivedCompetencyIdentifier(SKJ_FRAMEWORK_IDENTIFIER, 'SK.1'));
  });
});

describe('ImportIssues', () => {
  it(`keeps the first ${MAX_IMPORT_ERRORS} issues and then says there are more`, () => {
    const issues = new ImportIssues();
    expect(issues.empty).toBe(true);
    for (let row = 2; row < 2 + MAX_IMPORT_ERRORS + 5; row++) issues.add(`row ${row}`, 'validation.required');
    expect(issues.errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
    expect(issues.errors.at(-1)).toEqual({ field: 'file', code: 'competency.importMoreErrors', params: { max: MAX_IMPORT_ERRORS } });
  });

  it('turns zod issues into message keys with their parameters, leaving out consequences of an element already reported', () => {
    const input = [
      { level: 0, description: 'Dasar' },
      { level: 2, description: '' },
    ];
    const parsed = levelsSchema.safeParse(input);
    if (parsed.success) throw new Error('expected a failure');
    const issues = new ImportIssues();
    issues.addZod(parsed.error, input, (path) => path.join('.'));
    // Not also "levels must be contiguous": level 0 already says what is wrong.
    expect(issues.errors).toEqual([
      { field: '0.level', code: 'validation.tooSmall', params: { minimum: 1 } },
      { field: '1.description', code: 'validation.required' },
    ]);
  });
});

describe('sortedTree', () => {
  it('orders siblings at every depth by position, then code, without changing the input', () => {
    const node = (code: string, position: number, children: CompetencyDocumentNode[] = []): CompetencyDocumentNode => ({
      identifier: code,
      code,
      name: code,
      kind: 'teknis',
      definition: '',
      position,
      levels: [],
      children,
    });
    const tree = [node('B', 1), node('A', 1, [node('A.10', 0), node('A.2', 0)]), node('C', 0)];
    expect(sortedTree(tree).map((n) => [n.code, n.children.map((c) => c.code)])).toEqual([
      ['C', []],
      ['A', ['A.2', 'A.10']],
      ['B', []],
    ]);
    expect(tree[0].code).toBe('B');
  });
});

describe('skjDictionary', () => {
  const doc = SKJ_DICTIONARY;

  it('is the published kamus kompetensi: 8 manajerial + 1 sosial kultural, five levels each, in the dictionary order', () => {
    expect(doc).toMatchObject({
      identifier: SKJ_FRAMEWORK_IDENTIFIER,
      name: 'Kamus Kompetensi Manajerial dan Sosial Kultural',
      publisher: 'Kementerian PANRB',
      version: '2017',
      scaleMax: 5,
      language: 'id',
      status: 'published',
    });
    expect(doc.competencies.map((c) => [c.code, c.kind, c.position, c.levels.map((l) => l.level)])).toEqual([
      ...['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8'].map((code, i) => [code, 'manajerial', i, [1, 2, 3, 4, 5]]),
      ['SK.1', 'sosial_kultural', 8, [1, 2, 3, 4, 5]],
    ]);
    expect(doc.competencies[4]).toMatchObject({ code: 'M.5', name: 'Pelayanan Publik', children: [] });
  });

  it('gives every competency an identifier derived from its code, the same on every run (the seed is idempotent)', () => {
    expect(doc.competencies[0].identifier).toBe('44b729c6-b9e4-5d16-918f-1c3719c67a65');
    const json = JSON.parse(readFileSync(join(__dirname, 'data', 'skj-kamus-kompetensi.json'), 'utf8')) as SkjDictionaryJson;
    expect(skjDictionary(json)).toEqual(doc);
  });
});
