import type { DataSource } from 'typeorm';
import { seededCompetencyId } from './competencies';
import { DEMO_ACCOUNTS, EXTRA_LEARNERS } from './data';

interface DemoNeed {
  title: string;
  reason: string;
  /** A competency of the SKJ dictionary, by code. */
  competency: string | null;
  preferredForm: string;
  proposerNip: string;
  voterNips: string[];
  /** Accepted by the demo admin for next year's plan, so the plan is not empty either. */
  acceptedForNextYear?: string;
}

const learnerNip = DEMO_ACCOUNTS.find((a) => a.label === 'learner')!.nip;
const adminNip = DEMO_ACCOUNTS.find((a) => a.label === 'admin')!.nip;
const nip = (i: number) => EXTRA_LEARNERS[i]!.nip;

/** A few proposals so that the demo board is not empty; the demo learner supports one and proposes another. */
export const DEMO_NEEDS: readonly DemoNeed[] = [
  {
    title: 'Penyusunan SOP pelayanan berbasis digital',
    reason: 'Banyak layanan di OPD kami sudah daring, tetapi SOP-nya masih untuk layanan tatap muka. Kami perlu belajar menyusun SOP yang sesuai.',
    competency: 'm.5',
    preferredForm: 'workshop',
    proposerNip: nip(1),
    voterNips: [learnerNip, nip(2), nip(5)],
    acceptedForNextYear: 'Diusulkan banyak OPD; akan dijadwalkan sebagai lokakarya daring.',
  },
  {
    title: 'Pengelolaan arsip dinamis dan arsip digital',
    reason: 'Arsip kepegawaian masih berupa kertas dan sulit dicari. Kami ingin belajar alih media dan pengelolaan arsip digital.',
    competency: null,
    preferredForm: 'classical',
    proposerNip: learnerNip,
    voterNips: [nip(4)],
  },
  {
    title: 'Analisis beban kerja untuk penyusunan formasi',
    reason: 'Penyusunan kebutuhan formasi tahun depan memerlukan analisis beban kerja yang lebih teliti di setiap unit.',
    competency: null,
    preferredForm: 'elearning',
    proposerNip: nip(2),
    voterNips: [],
  },
];

/** Idempotent: a need is created once (by its title and proposer); votes already cast are kept. */
export async function seedLearningNeeds(ds: DataSource): Promise<{ created: number; existing: number }> {
  let created = 0;
  for (const need of DEMO_NEEDS) {
    const competencyId = need.competency ? await seededCompetencyId(ds, need.competency) : null;
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO learning_needs (title, reason, competency_id, preferred_form, proposer_id, org_unit_id)
       SELECT $1::text, $2::text, $3::uuid, $4::text, u.id, u.org_unit_id FROM users u
        WHERE u.nip = $5 AND NOT EXISTS (SELECT 1 FROM learning_needs n WHERE n.title = $1::text AND n.proposer_id = u.id)
       RETURNING id`,
      [need.title, need.reason, competencyId, need.preferredForm, need.proposerNip],
    );
    if (!rows.length) continue;
    created++;
    await ds.query(
      `INSERT INTO learning_need_votes (need_id, user_id) SELECT $1, u.id FROM users u WHERE u.nip = ANY($2) ON CONFLICT DO NOTHING`,
      [rows[0]!.id, need.voterNips],
    );
    if (need.acceptedForNextYear) {
      // Next year in WIB, as the plan's year picker counts it.
      await ds.query(
        `UPDATE learning_needs SET status = 'accepted', decision_reason = $2, triaged_at = now(), updated_at = now(),
                plan_year = extract(year FROM now() AT TIME ZONE 'Asia/Jakarta')::int + 1,
                triaged_by = (SELECT id FROM users WHERE nip = $3)
          WHERE id = $1`,
        [rows[0]!.id, need.acceptedForNextYear, adminNip],
      );
    }
  }
  return { created, existing: DEMO_NEEDS.length - created };
}
