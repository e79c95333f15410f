import { Injectable } from '@nestjs/common';
import type { CompetencyProfile, Evidence, ProfileRow, RecordEvidence } from '@cakap/contracts';
import { refreshAchievement } from '@cakap/learning';
import { DataSource } from 'typeorm';

export type ProfileUser = CompetencyProfile['user'];

/** A profile row before the gap is worked out. */
export type ProfileRowData = Omit<ProfileRow, 'gap'>;

/** Evidence as read; the service makes the timestamp a string. */
export type EvidenceRow = Omit<Evidence, 'createdAt'> & { createdAt: Date };

/** What evidence validation needs to know of a competency. */
export interface EvidenceCompetencyRow {
  id: string;
  code: string;
  maxLevel: number;
  published: boolean;
}

/** A course that develops one of the learner's gap competencies above their level, from its latest version. */
export interface CandidateRow {
  courseId: string;
  version: number;
  title: string;
  summary: string;
  jp: number;
  category: string | null;
  targets: { competencyId: string; level: number }[];
  enrollmentId: string | null;
}

const EVIDENCE_COLUMNS = `ev.id, ev.competency_id AS "competencyId", c.code, c.name, ev.level, ev.source, ev.title, ev.note,
  to_char(ev.occurred_on, 'YYYY-MM-DD') AS "occurredOn", ev.course_id AS "courseId", ev.enrollment_id AS "enrollmentId",
  CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('id', f.id, 'fileName', f.file_name) END AS file,
  CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'name', r.name) END AS "recordedBy",
  ev.created_at AS "createdAt"`;
const EVIDENCE_FROM = `competency_evidence ev
  JOIN competencies c ON c.id = ev.competency_id
  LEFT JOIN files f ON f.id = ev.file_id
  LEFT JOIN users r ON r.id = ev.recorded_by`;

/** Data access for learners' competency profiles and evidence. No rules here. */
@Injectable()
export class CompetencyProfilesRepository {
  constructor(private readonly ds: DataSource) {}

  async user(id: string): Promise<ProfileUser | null> {
    const rows = await this.ds.query(
      `SELECT u.id, u.nip, u.name,
              CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name, 'kind', p.kind) END AS position,
              json_build_object('id', o.id, 'name', o.name) AS "orgUnit"
         FROM users u JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN positions p ON p.id = u.position_id
        WHERE u.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The competencies the learner's position requires (its own levels over its class's) and
   * those they have achieved anything in, of published frameworks only.
   */
  profileRows(userId: string, positionId: string | null): Promise<ProfileRowData[]> {
    return this.ds.query(
      `WITH req AS (SELECT competency_id, level FROM effective_position_requirements WHERE position_id = $2),
            ach AS (SELECT competency_id, level FROM competency_achievements WHERE user_id = $1)
       SELECT c.id AS "competencyId", c.code, c.name, c.kind, f.id AS "frameworkId", f.name AS "frameworkName", c.max_level AS "maxLevel",
              coalesce(ach.level, 0) AS achieved, req.level AS required
         FROM (SELECT competency_id FROM req UNION SELECT competency_id FROM ach) ids
         JOIN competencies c ON c.id = ids.competency_id
         JOIN competency_frameworks f ON f.id = c.framework_id AND f.status = 'published'
         LEFT JOIN req ON req.competency_id = c.id
         LEFT JOIN ach ON ach.competency_id = c.id`,
      [userId, positionId],
    );
  }

  /** All of a learner's evidence, newest first (it is the record behind every level). */
  evidence(userId: string): Promise<EvidenceRow[]> {
    return this.ds.query(`SELECT ${EVIDENCE_COLUMNS} FROM ${EVIDENCE_FROM} WHERE ev.user_id = $1 ORDER BY ev.occurred_on DESC, ev.created_at DESC, ev.id`, [userId]);
  }

  /**
   * Published, non-archived courses (what the catalog shows every learner) whose latest
   * version targets a gap competency above the learner's level there, minus the courses the
   * learner completed. The index on (competency_id, level) keeps this to the relevant courses.
   */
  candidates(userId: string, gaps: { competencyId: string; achieved: number }[]): Promise<CandidateRow[]> {
    if (!gaps.length) return Promise.resolve([]);
    return this.ds.query(
      `WITH gap AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS g("competencyId" uuid, achieved int)),
            hit AS (
              SELECT DISTINCT co.id
                FROM gap
                JOIN course_version_competencies t ON t.competency_id = gap."competencyId" AND t.level > gap.achieved
                JOIN courses co ON co.id = t.course_id AND co.published_version = t.version AND co.status <> 'archived'
            )
       SELECT co.id AS "courseId", v.version, v.title, v.snapshot->'meta'->>'summary' AS summary, v.jp, v.category,
              (SELECT json_agg(json_build_object('competencyId', t.competency_id, 'level', t.level))
                 FROM course_version_competencies t WHERE t.course_id = co.id AND t.version = v.version) AS targets,
              (SELECT e.id FROM enrollments e WHERE e.user_id = $1 AND e.course_id = co.id AND e.status = 'active'
                ORDER BY e.enrolled_at DESC LIMIT 1) AS "enrollmentId"
         FROM hit JOIN courses co ON co.id = hit.id
         JOIN course_versions v ON v.course_id = co.id AND v.version = co.published_version
        WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = $1 AND e.course_id = co.id AND e.status = 'completed')`,
      [userId, JSON.stringify(gaps)],
    );
  }

  evidenceCompetency(id: string): Promise<EvidenceCompetencyRow | undefined> {
    return this.ds
      .query(
        `SELECT c.id, c.code, c.max_level AS "maxLevel", f.status = 'published' AS published
           FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id WHERE c.id = $1`,
        [id],
      )
      .then((rows: EvidenceCompetencyRow[]) => rows[0]);
  }

  async fileExists(id: string): Promise<boolean> {
    return (await this.ds.query(`SELECT 1 FROM files WHERE id = $1`, [id])).length > 0;
  }

  /** Appends the evidence and refreshes the learner's achieved level with it, in one transaction. */
  async recordEvidence(userId: string, input: RecordEvidence, recordedBy: string): Promise<EvidenceRow> {
    const id = await this.ds.transaction(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO competency_evidence (user_id, competency_id, level, source, title, note, occurred_on, file_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [userId, input.competencyId, input.level, input.source, input.title, input.note, input.occurredOn, input.fileId ?? null, recordedBy],
      );
      await refreshAchievement(tx, userId, input.competencyId);
      return row.id as string;
    });
    const [evidence] = await this.ds.query(`SELECT ${EVIDENCE_COLUMNS} FROM ${EVIDENCE_FROM} WHERE ev.id = $1`, [id]);
    return evidence;
  }

  async evidenceFile(id: string): Promise<{ userId: string; fileId: string | null } | undefined> {
    const rows = await this.ds.query(`SELECT user_id AS "userId", file_id AS "fileId" FROM competency_evidence WHERE id = $1`, [id]);
    return rows[0];
  }
}
