import type { Queryable } from '@cakap/db';

export const NOTIFICATION_KINDS = { certificateIssued: 'certificate.issued' } as const;

/** "Your certificate was issued" for each of these certificates, in one statement (a chunk's worth). */
export async function notifyIssued(db: Queryable, certificateIds: string[]): Promise<void> {
  if (!certificateIds.length) return;
  await db.query(
    `INSERT INTO notifications (user_id, kind, params, link, dedupe_key)
     SELECT user_id, $2, jsonb_build_object('number', number, 'course', course_title), '/sertifikat', 'certificate.issued:' || id
       FROM certificates WHERE id = ANY($1::uuid[])
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [certificateIds, NOTIFICATION_KINDS.certificateIssued],
  );
}
