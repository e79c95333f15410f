import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkToCase, jsonPath, parseFrameworkCase } from './case';
import { parseFrameworkCsv } from './csv';
import type { FrameworkDocument, ImportResult } from './import';
import { SKJ_DICTIONARY } from './skj';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const skj = SKJ_DICTIONARY;

function framework(result: ImportResult): FrameworkDocument {
  if (!result.ok) throw new Error(`expected a framework, got ${JSON.stringify(result.errors)}`);
  return result.framework;
}
/** The hand-written teknis framework: MSDM > MSDM.1 > MSDM.1.1 (3 levels), MSDM.1.2 (2); MSDM > MSDM.2 > MSDM.2.1 (2). */
const teknis = framework(parseFrameworkCsv(fixture('teknis-manajemen-asn.csv')));

const BASE = 'https://cakap.bkpsdm.example.go.id/';
const CHANGED = '2026-03-01T02:00:00.000Z';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break exported packages in arbitrary ways
type Json = any;
const exported = (doc: FrameworkDocument): Json => JSON.parse(frameworkToCase(doc, { baseUri: BASE, lastChangeDateTime: CHANGED }));
const errorsOf = (pkg: unknown) => {
  const result = parseFrameworkCase(typeof pkg === 'string' ? pkg : JSON.stringify(pkg));
  return result.ok ? [] : result.errors;
};

describe('frameworkToCase', () => {
  const pkg = exported(skj);
  const uri = (collection: string, id: string) => `https://cakap.bkpsdm.example.go.id/ims/case/v1p0/${collection}/${id}`;

  it('writes the CFDocument with the fields CASE requires and the status as an adoption status', () => {
    expect(pkg.CFDocument).toEqual({
      identifier: skj.identifier,
      uri: uri('CFDocuments', skj.identifier),
      creator: 'Kementerian PANRB',
      title: skj.name,
      lastChangeDateTime: CHANGED,
      description: skj.description,
      language: 'id',
      version: '2017',
      adoptionStatus: 'Adopted',
      CFPackageURI: { title: skj.name, identifier: skj.identifier, uri: uri('CFPackages', skj.identifier) },
    });
    expect(exported({ ...skj, status: 'draft' }).CFDocument.adoptionStatus).toBe('Draft');
    expect(exported({ ...skj, status: 'retired' }).CFDocument.adoptionStatus).toBe('Deprecated');
  });

  it('writes one CFItem per competency and an isChildOf association to its parent (the document for a root)', () => {
    const m1 = skj.competencies[0];
    expect(pkg.CFItems).toHaveLength(9);
    expect(pkg.CFItems[0]).toEqual({
      identifier: m1.identifier,
      uri: uri('CFItems', m1.identifier),
      fullStatement: m1.definition,
      abbreviatedStatement: 'Integritas',
      humanCodingScheme: 'M.1',
      listEnumeration: '0',
      CFItemType: 'Manajerial',
      language: 'id',
      lastChangeDateTime: CHANGED,
      CFDocumentURI: { title: skj.name, identifier: skj.identifier, uri: uri('CFDocuments', skj.identifier) },
    });
    expect(pkg.CFItems[8]).toMatchObject({ humanCodingScheme: 'SK.1', CFItemType: 'Sosial Kultural' });
    expect(pkg.CFAssociations[0]).toEqual({
      identifier: expect.stringMatching(/^[0-9a-f-]{36}$/),
      uri: uri('CFAssociations', pkg.CFAssociations[0].identifier),
      associationType: 'isChildOf',
      sequenceNumber: 0,
      originNodeURI: { title: 'Integritas', identifier: m1.identifier, uri: uri('CFItems', m1.identifier) },
      destinationNodeURI: { title: skj.name, identifier: skj.identifier, uri: uri('CFDocuments', skj.identifier) },
      CFDocumentURI: { title: skj.name, identifier: skj.identifier, uri: uri('CFDocuments', skj.identifier) },
      lastChangeDateTime: CHANGED,
    });
    const t = exported(teknis);
    const child = t.CFAssociations.find((a: Json) => a.originNodeURI.identifier === teknis.competencies[0].children[1].identifier);
    expect(child).toMatchObject({ sequenceNumber: 1, destinationNodeURI: { identifier: teknis.competencies[0].identifier } });
  });

  it('writes the levels as one rubric: a criterion per assessable competency, score = level, feedback = indicators', () => {
    const [rubric] = pkg.CFRubrics;
    expect(rubric).toMatchObject({ title: skj.name, description: 'scale 1..5', lastChangeDateTime: CHANGED });
    expect(rubric.CFRubricCriteria).toHaveLength(9);
    const m1 = skj.competencies[0];
    expect(rubric.CFRubricCriteria[0]).toMatchObject({
      category: 'M.1',
      CFItemURI: { identifier: m1.identifier, uri: uri('CFItems', m1.identifier) },
      rubricId: rubric.identifier,
      position: 0,
    });
    expect(rubric.CFRubricCriteria[0].CFRubricCriterionLevels[1]).toMatchObject({
      description: m1.levels[1].description,
      quality: 'Level 2',
      score: 2,
      position: 2,
      feedback: m1.levels[1].indicators.join('\n'),
      rubricCriterionId: rubric.CFRubricCriteria[0].identifier,
      lastChangeDateTime: CHANGED,
    });
    // Grouping nodes (no levels) have no criterion.
    expect(exported(teknis).CFRubrics[0].CFRubricCriteria.map((c: Json) => c.category)).toEqual(['MSDM.1.1', 'MSDM.1.2', 'MSDM.2.1']);
  });

  it('gives every object a uri and a lastChangeDateTime, and the same framework always the same file', () => {
    const objects = [pkg.CFDocument, ...pkg.CFItems, ...pkg.CFAssociations, ...pkg.CFRubrics, ...pkg.CFRubrics[0].CFRubricCriteria];
    for (const o of objects) expect(o).toEqual(expect.objectContaining({ identifier: expect.any(String), uri: expect.any(String), lastChangeDateTime: CHANGED }));
    expect(frameworkToCase(skj, { baseUri: BASE, lastChangeDateTime: CHANGED })).toBe(frameworkToCase(skj, { baseUri: BASE.slice(0, -1), lastChangeDateTime: CHANGED }));
  });
});

describe('parseFrameworkCase', () => {
  it('reads back the SKJ dictionary exactly: identifiers, status, scale, levels', () => {
    expect(parseFrameworkCase(frameworkToCase(skj, { baseUri: BASE }))).toEqual({ ok: true, framework: skj });
  });

  it('reads back a three-level teknis framework with grouping nodes', () => {
    expect(parseFrameworkCase(frameworkToCase(teknis, { baseUri: BASE }))).toEqual({ ok: true, framework: teknis });
    const retired = { ...teknis, status: 'retired' as const, scaleMax: 7, language: 'en' as const };
    expect(parseFrameworkCase(frameworkToCase(retired, { baseUri: BASE }))).toEqual({ ok: true, framework: retired });
  });

  it("reads another tool's package: missing and null optional fields, unknown item types, no scale, other associations", () => {
    const doc = framework(parseFrameworkCase(fixture('case-other-tool.json')));
    const long =
      'Protects government data and systems against threats by applying security controls, recognising incidents early and reporting them through the proper channels so that public services remain trustworthy and available to every citizen at all times';
    expect(doc).toEqual({
      identifier: '9f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      name: 'Digital Government Competencies',
      description: '',
      publisher: 'Lembaga Administrasi Negara',
      version: '1',
      // No `scale 1..N`: the highest level defined.
      scaleMax: 3,
      language: 'en',
      status: 'draft',
      competencies: [
        {
          identifier: '0a1b2c3d-0000-4000-8000-000000000001',
          code: 'DG.1',
          name: 'Data Literacy',
          kind: 'teknis',
          definition: 'Uses data to make evidence-based decisions',
          position: 1,
          levels: [],
          children: [
            {
              identifier: '0a1b2c3d-0000-4000-8000-000000000011',
              code: 'DG.1.a',
              name: 'Reads charts and tables',
              kind: 'teknis',
              definition: '',
              position: 2,
              levels: [
                { level: 1, description: 'Reads a simple bar chart', indicators: [] },
                { level: 2, description: 'Proficient', indicators: ['Explains a trend', 'Spots a misleading axis'] },
                { level: 3, description: 'Builds a dashboard', indicators: [] },
              ],
              children: [],
            },
          ],
        },
        {
          identifier: '0a1b2c3d-0000-4000-8000-000000000002',
          code: 'DG.2',
          name: `${long.slice(0, 199).trimEnd()}…`,
          kind: 'teknis',
          definition: long,
          position: 2,
          levels: [],
          children: [],
        },
        expect.objectContaining({ code: 'DG.3', kind: 'manajerial', name: 'Digital Leadership', position: 3 }),
      ],
    });
    expect(doc.competencies[1].name).toHaveLength(200);
  });

  describe('refuses a bad package, naming the JSON path and the problem', () => {
    // Items: 0 MSDM, 1 MSDM.1, 2 MSDM.1.1, 3 MSDM.1.2, 4 MSDM.2, 5 MSDM.2.1 (associations in the same order);
    // criteria: 0 MSDM.1.1, 1 MSDM.1.2, 2 MSDM.2.1.
    const broken = (change: (pkg: Json) => void) => {
      const pkg = exported(teknis);
      change(pkg);
      return pkg;
    };
    const levels = 'CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels';

    it.each([
      ['an empty file', '', [{ field: 'file', code: 'import.empty' }]],
      ['text that is not JSON', 'framework,code\nA,B', [{ field: 'file', code: 'competency.importNotJson' }]],
      ['JSON that is not a package', '[{"CFDocument": {}}]', [{ field: 'file', code: 'competency.importNotCase' }]],
      ['a package without a CFDocument', '{"CFItems": []}', [{ field: 'file', code: 'competency.importNotCase' }]],
      ['a null CFDocument', '{"CFDocument": null}', [{ field: 'file', code: 'competency.importNotCase' }]],
      [
        'identifiers that are not UUIDs',
        broken((p) => {
          p.CFDocument.identifier = 'skj';
          p.CFItems[1].identifier = 42;
        }),
        [
          { field: 'CFDocument.identifier', code: 'validation.uuid' },
          { field: 'CFItems[1].identifier', code: 'validation.invalidType' },
        ],
      ],
      ['CFItems that is not a list', broken((p) => (p.CFItems = {})), [{ field: 'CFItems', code: 'validation.invalidType' }]],
      ['a missing title', broken((p) => delete p.CFDocument.title), [{ field: 'CFDocument.title', code: 'validation.required' }]],
      ['an unsupported language', broken((p) => (p.CFDocument.language = 'fr')), [{ field: 'CFDocument.language', code: 'validation.enum', params: { options: 'id, en' } }]],
      ['a missing humanCodingScheme', broken((p) => delete p.CFItems[2].humanCodingScheme), [{ field: 'CFItems[2].humanCodingScheme', code: 'validation.required' }]],
      [
        'codes that differ only in case',
        broken((p) => (p.CFItems[3].humanCodingScheme = 'msdm.1.1')),
        [{ field: 'CFItems[3].humanCodingScheme', code: 'competency.codeTaken', params: { code: 'msdm.1.1' } }],
      ],
      [
        'an identifier used twice',
        broken((p) => {
          // MSDM.2.1 as a root without levels, so that nothing else refers to its identifier.
          p.CFAssociations.splice(5, 1);
          p.CFRubrics[0].CFRubricCriteria.splice(2, 1);
          p.CFItems[5].identifier = p.CFItems[3].identifier;
        }),
        [{ field: 'CFItems[5].identifier', code: 'competency.identifierTaken', params: { identifier: exported(teknis).CFItems[3].identifier } }],
      ],
      [
        'an association to an unknown parent',
        broken((p) => (p.CFAssociations[2].destinationNodeURI.identifier = '00000000-0000-4000-8000-000000000000')),
        [
          {
            field: 'CFAssociations[2].destinationNodeURI.identifier',
            code: 'competency.importUnknownItem',
            params: { identifier: '00000000-0000-4000-8000-000000000000' },
          },
        ],
      ],
      [
        'an association from an unknown item',
        broken((p) => (p.CFAssociations[2].originNodeURI.identifier = '00000000-0000-4000-8000-000000000000')),
        [{ field: 'CFAssociations[2].originNodeURI.identifier', code: 'competency.importUnknownItem', params: { identifier: '00000000-0000-4000-8000-000000000000' } }],
      ],
      [
        'an item with two parents',
        broken((p) => p.CFAssociations.push({ ...p.CFAssociations[2], destinationNodeURI: p.CFAssociations[4].originNodeURI })),
        [{ field: 'CFAssociations[6]', code: 'competency.importManyParents' }],
      ],
      [
        'parents in a circle',
        broken((p) => (p.CFAssociations[0].destinationNodeURI = p.CFAssociations[1].originNodeURI)),
        [
          { field: 'CFAssociations[0]', code: 'competency.parentCycle' },
          { field: 'CFAssociations[1]', code: 'competency.parentCycle' },
        ],
      ],
      ['a negative sequenceNumber', broken((p) => (p.CFAssociations[3].sequenceNumber = -1)), [{ field: 'CFAssociations[3].sequenceNumber', code: 'validation.tooSmall', params: { minimum: 0 } }]],
      [
        'a criterion about an unknown item',
        broken((p) => (p.CFRubrics[0].CFRubricCriteria[1].CFItemURI.identifier = '00000000-0000-4000-8000-000000000000')),
        [
          {
            field: 'CFRubrics[0].CFRubricCriteria[1].CFItemURI.identifier',
            code: 'competency.importUnknownItem',
            params: { identifier: '00000000-0000-4000-8000-000000000000' },
          },
        ],
      ],
      [
        'two criteria for one item',
        broken((p) => (p.CFRubrics[0].CFRubricCriteria[1].CFItemURI = p.CFRubrics[0].CFRubricCriteria[0].CFItemURI)),
        [{ field: 'CFRubrics[0].CFRubricCriteria[1]', code: 'competency.importManyCriteria', params: { identifier: exported(teknis).CFItems[2].identifier } }],
      ],
      ['levels with a gap', broken((p) => p.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels.splice(1, 1)), [{ field: levels, code: 'competency.levelsContiguous' }]],
      [
        'a level above the scale',
        broken((p) => (p.CFRubrics[0].description = 'scale 1..2')),
        [{ field: `${levels}[2].score`, code: 'competency.levelAboveScale', params: { level: 3, scaleMax: 2 } }],
      ],
      ['a level without a number', broken((p) => p.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels[0].score = '1'), [{ field: `${levels}[0].score`, code: 'validation.invalidType' }]],
      [
        'a level without description',
        broken((p) => {
          const level = p.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels[0];
          level.description = '';
          delete level.quality;
        }),
        [{ field: `${levels}[0].description`, code: 'validation.required' }],
      ],
    ])('%s', (_case, pkg, errors) => {
      expect(errorsOf(pkg)).toEqual(errors);
    });

    it('collects the problems of all items at once', () => {
      const pkg = broken((p) => {
        delete p.CFItems[0].humanCodingScheme;
        p.CFItems[5].humanCodingScheme = 'MSDM 2 1';
        p.CFDocument.title = 'X';
      });
      expect(errorsOf(pkg).map((e) => e.field)).toEqual(['CFDocument.title', 'CFItems[0].humanCodingScheme', 'CFItems[5].humanCodingScheme']);
    });
  });
});

describe('jsonPath', () => {
  it('writes zod paths the way people read JSON', () => {
    expect(jsonPath(['CFItems', 3, 'humanCodingScheme'])).toBe('CFItems[3].humanCodingScheme');
    expect(jsonPath(['CFRubrics', 0, 'CFRubricCriteria', 2])).toBe('CFRubrics[0].CFRubricCriteria[2]');
  });
});
