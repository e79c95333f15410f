import { createHash, type Hash } from 'node:crypto';
import { dateRangeId, formatDateId, jpText, loadCertificateFonts, prepareTemplate, renderCertificateParts, type CertificateFonts } from '@cakap/certificates';
import { CERTIFICATE_MESSAGES, formatNip } from '@cakap/contracts';
import type { CertificateField, CertificateTemplateDefinition } from '@cakap/plugin-sdk';
import type { FileStorage } from '@cakap/storage';
import { jakartaDate } from '@cakap/courses';
import { rowsOf, type Queryable } from '@cakap/db';
import type { CertificateRecord } from './issue';
import { templateTexts } from './templates';

type Prepared = Awaited<ReturnType<typeof prepareTemplate>>;

/**
 * A prepared template and the SHA-256 state of its bytes: every PDF of the template starts with
 * them, so a certificate's digest is that state copied and fed only the certificate's own tail.
 */
interface ReadyTemplate {
  prepared: Prepared;
  prefixHash: Hash;
  place: string;
}

export interface RendererDeps {
  storage: FileStorage;
  /** The enabled certificate template types by key (the plugin registry). */
  templateType(key: string): CertificateTemplateDefinition | undefined;
  /** PUBLIC_BASE_URL: the QR encodes `<base>/verify/<code>`. */
  publicBaseUrl: string;
  /** PDFs written to storage at once (file writes overlap rendering; more only costs memory). */
  concurrency?: number;
}

export interface StoreOutcome {
  stored: number;
  /** Certificates whose PDF could not be made or kept, with the message key saying which. */
  failed: Array<{ id: string; code: string; problem: string }>;
}

/** Where a certificate's PDF lives in the storage. */
export function certificateStorageKey(c: Pick<CertificateRecord, 'id' | 'issuedAt'>): string {
  return `certificates/${jakartaDate(new Date(c.issuedAt)).slice(0, 4)}/${c.id}.pdf`;
}

/**
 * Renders certificates and stores their PDFs. Each template's static page (fonts, logo,
 * layout) is prepared ONCE per process and version of the template (id + updated_at); per
 * certificate only the variable text, the QR and the signed payload are written. Storing is
 * idempotent (same key, same bytes), so rendering a certificate twice after a crash is harmless.
 */
export class CertificateRenderer {
  private fonts: CertificateFonts | undefined;
  private readonly prepared = new Map<string, ReadyTemplate & { version: string }>();

  constructor(private readonly deps: RendererDeps) {}

  /** Renders, stores, and records storage_key + pdf_sha256 of each in one UPDATE. */
  async renderAndStore(db: Queryable, certificates: CertificateRecord[]): Promise<StoreOutcome> {
    const outcome: StoreOutcome = { stored: 0, failed: [] };
    const done: Array<{ id: string; key: string; sha256: string }> = [];
    const inFlight = new Set<Promise<void>>();
    const limit = this.deps.concurrency ?? 16;
    // One look at each template per call (its version may have changed since the last chunk).
    const templates = new Map<string, Promise<ReadyTemplate>>();
    for (const c of certificates) {
      let parts: [Buffer, Buffer];
      let sha256: string;
      try {
        let pending = templates.get(c.templateId);
        if (!pending) templates.set(c.templateId, (pending = this.template(db, c.templateId)));
        const tpl = await pending;
        // The template's bytes and the certificate's own tail, written as they are: never joined
        // into one buffer, so memory stays flat however many certificates a batch has.
        parts = renderCertificateParts(tpl.prepared, this.fields(c, tpl.place), { payload: c.payload, signature: c.signature, keyId: c.keyId });
        sha256 = tpl.prefixHash.copy().update(parts[1]).digest('hex');
      } catch (err) {
        outcome.failed.push({ id: c.id, code: CERTIFICATE_MESSAGES.renderFailed, problem: problemOf(err) });
        continue;
      }
      const key = certificateStorageKey(c);
      const write = this.deps.storage
        .putParts(key, parts, { sha256 })
        .then(
          (r) => void done.push({ id: c.id, key, sha256: r.sha256 }),
          (err: unknown) => void outcome.failed.push({ id: c.id, code: CERTIFICATE_MESSAGES.storageFailed, problem: problemOf(err) }),
        )
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (done.length) {
      await db.query(
        `UPDATE certificates c SET storage_key = d.key, pdf_sha256 = d.sha256
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS d(id, key, sha256) WHERE c.id = d.id`,
        [done.map((d) => d.id), done.map((d) => d.key), done.map((d) => d.sha256)],
      );
    }
    outcome.stored = done.length;
    return outcome;
  }

  /** The printed values, in Indonesian, from the certificate's frozen record. */
  fields(c: CertificateRecord, place: string): Record<CertificateField, string> {
    const issuedOn = formatDateId(jakartaDate(new Date(c.issuedAt)));
    return {
      number: c.number,
      name: c.recipient.name,
      nip: formatNip(c.recipient.nip),
      rank: c.recipient.rank,
      position: c.recipient.position ?? '',
      orgUnit: c.recipient.orgUnit,
      courseTitle: c.courseTitle,
      jpText: jpText(c.jp),
      courseDates: dateRangeId(c.startDate, c.endDate),
      placeDate: place ? `${place}, ${issuedOn}` : issuedOn,
      code: c.code,
      verifyUrl: `${this.deps.publicBaseUrl.replace(/\/+$/, '')}/verify/${c.code}`,
    };
  }

  private async template(db: Queryable, templateId: string): Promise<ReadyTemplate> {
    const [row]: { key: string; config: unknown; version: string; logoKey: string | null; logoMime: string | null }[] = rowsOf(
      await db.query(
        `SELECT t.template_key AS key, t.config, t.updated_at::text AS version, f.storage_key AS "logoKey", f.mime_type AS "logoMime"
           FROM certificate_templates t LEFT JOIN files f ON f.id = t.logo_file_id WHERE t.id = $1`,
        [templateId],
      ),
    );
    if (!row) throw new Error(`certificate template ${templateId} not found`);
    const cached = this.prepared.get(templateId);
    if (cached?.version === row.version) return cached;
    const type = this.deps.templateType(row.key);
    if (!type) throw new Error(`certificate template type "${row.key}" is not enabled (CAKAP_PLUGINS)`);
    const config = type.configSchema.parse(row.config);
    this.fonts ??= loadCertificateFonts();
    const logo = row.logoKey && row.logoMime ? { bytes: await readAll(await this.deps.storage.open(row.logoKey)), mime: row.logoMime } : undefined;
    const prepared = await prepareTemplate(type.layout(config), { fonts: this.fonts, logo });
    const entry = { version: row.version, prepared, prefixHash: createHash('sha256').update(prepared.bytes), place: templateTexts(config).place };
    this.prepared.set(templateId, entry);
    return entry;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A short, log-safe description of what went wrong (shown to the admin as the reason's {problem}). */
function problemOf(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.slice(0, 200);
}

