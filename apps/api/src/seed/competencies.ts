import { POSITION_KINDS } from '@cakap/contracts';
import {
  SKJ_FRAMEWORK_IDENTIFIER,
  defaultRequiredLevel,
  derivedCompetencyIdentifier,
  derivedFrameworkIdentifier,
  SKJ_DICTIONARY,
  type CompetencyDocumentNode,
  type FrameworkDocument,
} from '@cakap/competencies';
import type { DataSource, EntityManager } from 'typeorm';
import { CompetencyFrameworksRepository } from '../competency-frameworks/competency-frameworks.repository';

const TEKNIS_NAME = 'Kompetensi Teknis Pelayanan Publik';
const TEKNIS_VERSION = '2026';
export const TEKNIS_FRAMEWORK_IDENTIFIER = derivedFrameworkIdentifier(TEKNIS_NAME, TEKNIS_VERSION);

type Level = [description: string, indicators: string[]];

function teknis(code: string, name: string, definition: string, levels: Level[], children: CompetencyDocumentNode[] = []): CompetencyDocumentNode {
  return {
    identifier: derivedCompetencyIdentifier(TEKNIS_FRAMEWORK_IDENTIFIER, code),
    code,
    name,
    kind: 'teknis',
    definition,
    position: 0,
    levels: levels.map(([description, indicators], i) => ({ level: i + 1, description, indicators })),
    // Siblings in the order written here.
    children: children.map((child, position) => ({ ...child, position })),
  };
}

/**
 * A small teknis framework, so that admins see a hierarchy (an area grouping assessable
 * competencies) next to the flat national dictionary. Illustrative, not a regulation's text.
 */
export const TEKNIS_FRAMEWORK: FrameworkDocument = {
  identifier: TEKNIS_FRAMEWORK_IDENTIFIER,
  name: TEKNIS_NAME,
  description: 'Contoh kamus kompetensi teknis bidang pelayanan publik untuk perangkat daerah.',
  publisher: 'BKPSDMD Kabupaten Batanghari',
  version: TEKNIS_VERSION,
  scaleMax: 3,
  language: 'id',
  status: 'published',
  competencies: [
    teknis('TPP', 'Penyelenggaraan Pelayanan Publik', 'Kelompok kompetensi teknis penyelenggaraan pelayanan publik sesuai UU 25/2009.', [], [
      teknis('TPP.1', 'Penyusunan Standar Pelayanan', 'Menyusun, menerapkan, dan mengevaluasi standar pelayanan unit kerja.', [
        ['Memahami komponen standar pelayanan', ['Menjelaskan komponen standar pelayanan', 'Menerapkan standar pelayanan dalam tugas sehari-hari']],
        ['Mampu menyusun standar pelayanan unit kerja', ['Menyusun rancangan standar pelayanan bersama masyarakat', 'Menetapkan maklumat pelayanan']],
        ['Mampu mengevaluasi dan menyempurnakan standar pelayanan', ['Mengevaluasi penerapan standar pelayanan secara berkala', 'Menyempurnakan standar berdasarkan hasil evaluasi']],
      ]),
      teknis('TPP.2', 'Pengelolaan Pengaduan', 'Menerima, menindaklanjuti, dan menganalisis pengaduan masyarakat.', [
        ['Mampu menerima dan mencatat pengaduan', ['Mencatat pengaduan secara lengkap', 'Menyampaikan tanda terima kepada pengadu']],
        ['Mampu menindaklanjuti pengaduan', ['Meneruskan pengaduan ke pihak yang berwenang', 'Memantau penyelesaian pengaduan sesuai tenggat']],
        ['Mampu menganalisis pola pengaduan', ['Menyusun laporan analisis pengaduan', 'Merekomendasikan perbaikan layanan']],
      ]),
      teknis('TPP.3', 'Survei Kepuasan Masyarakat', 'Melaksanakan survei kepuasan masyarakat dan memanfaatkan hasilnya.', [
        ['Memahami unsur survei kepuasan masyarakat', ['Menjelaskan unsur dan metode survei']],
        ['Mampu melaksanakan survei kepuasan masyarakat', ['Menyiapkan kuesioner dan sampel', 'Mengolah data survei']],
        ['Mampu menindaklanjuti hasil survei', ['Menyusun rencana tindak lanjut', 'Mempublikasikan hasil survei']],
      ]),
    ]),
  ],
};

export interface CompetencySeedResult {
  /** Frameworks this run created (the SKJ dictionary, the teknis example). */
  created: number;
  existing: number;
  /** Class defaults this run added (existing ones, possibly changed by an admin, are kept). */
  classDefaults: number;
}

/**
 * The SKJ dictionary and the teknis example as published frameworks, and the class defaults
 * of the dictionary (DEFAULT_LEVEL_BY_POSITION_KIND). Idempotent: a framework is found by its
 * CASE identifier, and defaults an admin has changed are left as they are.
 */
export async function seedCompetencies(ds: DataSource): Promise<CompetencySeedResult> {
  const repo = new CompetencyFrameworksRepository(ds);
  return ds.transaction(async (m) => {
    const result: CompetencySeedResult = { created: 0, existing: 0, classDefaults: 0 };
    for (const doc of [SKJ_DICTIONARY, TEKNIS_FRAMEWORK]) {
      const [found] = await m.query(`SELECT id FROM competency_frameworks WHERE identifier = $1`, [doc.identifier]);
      if (found) result.existing++;
      else {
        await repo.insertDocument(m, doc, null);
        result.created++;
      }
    }
    const dictionary: { id: string; kind: 'manajerial' | 'sosial_kultural'; max_level: number }[] = await m.query(
      `SELECT c.id, c.kind, c.max_level FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id WHERE f.identifier = $1`,
      [SKJ_FRAMEWORK_IDENTIFIER],
    );
    for (const kind of POSITION_KINDS) {
      for (const c of dictionary) {
        const level = defaultRequiredLevel(kind, c.kind, c.max_level);
        if (!level) continue;
        const inserted: unknown[] = await m.query(
          `INSERT INTO competency_class_defaults (position_kind, competency_id, level) VALUES ($1, $2, $3)
           ON CONFLICT (position_kind, competency_id) DO NOTHING RETURNING 1`,
          [kind, c.id, level],
        );
        result.classDefaults += inserted.length;
      }
    }
    return result;
  });
}

/**
 * The id of a seeded competency by its code (e.g. 'M.5'), in the SKJ dictionary unless another
 * framework's CASE identifier is given. For seeds that refer to competencies (course targets).
 */
export async function seededCompetencyId(m: DataSource | EntityManager, code: string, frameworkIdentifier = SKJ_FRAMEWORK_IDENTIFIER): Promise<string> {
  const [row] = await m.query(
    `SELECT c.id FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
      WHERE f.identifier = $1 AND lower(c.code) = lower($2)`,
    [frameworkIdentifier, code],
  );
  if (!row) throw new Error(`Seed: competency ${code} is not seeded (run seedCompetencies first)`);
  return row.id;
}
