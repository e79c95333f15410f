import fontkit from '@pdf-lib/fontkit';
import { CERTIFICATE_FIELDS, type CertificateElement, type CertificateField, type CertificateFont, type CertificateLayout } from '@cakap/plugin-sdk';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { CertificateFonts } from './fonts';
import { encodeCharset, type FontEncoding, type TextStyle, textOps } from './glyphs';
import { num, rgb } from './pdf-syntax';
import type { QrBox } from './qr';

export interface TemplateAssets {
  fonts: CertificateFonts;
  /** The template's uploaded logo; without one, logo elements draw nothing. */
  logo?: { bytes: Uint8Array; mime: string } | null;
}

/** A text element holding `{field}` placeholders, split so rendering only concatenates. */
interface VariableText {
  style: TextStyle;
  /** Literal text and field names, alternating as they appear. */
  parts: (string | { field: CertificateField })[];
}

/**
 * A template's page built once (README.md): the PDF every certificate of the template starts
 * with, and what the per-certificate step needs to append its incremental update.
 */
export interface PreparedTemplate {
  /** The complete one-page PDF (classic xref table, no object streams) with the static content. */
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** "n g R" of the page object that each certificate's update redefines. */
  readonly pageRef: { objectNumber: number; generation: number };
  /** The page dictionary without /Contents and its closing ">>". */
  readonly pageDictHead: string;
  /** "n g R" of the static content stream. */
  readonly staticContents: string;
  readonly rootRef: string;
  /** The first object number free for a certificate's own objects. */
  readonly nextObjectNumber: number;
  /** Byte offset of the template's xref table (the update's /Prev). */
  readonly prevXref: number;
  readonly texts: readonly VariableText[];
  readonly qrs: readonly QrBox[];
}

const FONT_NAMES: Record<CertificateFont, string> = {
  serif: 'DejaVuSerif',
  'serif-bold': 'DejaVuSerif-Bold',
  sans: 'DejaVuSans',
  'sans-bold': 'DejaVuSans-Bold',
  'sans-italic': 'DejaVuSans-Oblique',
};

const PLACEHOLDER = new RegExp(`\\{(${CERTIFICATE_FIELDS.join('|')})\\}`, 'g');

function splitPlaceholders(text: string): VariableText['parts'] {
  const parts: VariableText['parts'] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ field: m[1] as CertificateField });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function rectOps(el: Extract<CertificateElement, { kind: 'rect' }>): string {
  if (!el.fill && !el.stroke) return '';
  const paint = el.fill && el.stroke ? 'B' : el.fill ? 'f' : 'S';
  const fill = el.fill ? `${rgb(el.fill)} rg ` : '';
  const stroke = el.stroke ? `${rgb(el.stroke)} RG ${num(el.lineWidth ?? 1)} w ` : '';
  return `q ${fill}${stroke}${num(el.x)} ${num(el.y)} ${num(el.width)} ${num(el.height)} re ${paint} Q\n`;
}

function lineOps(el: Extract<CertificateElement, { kind: 'line' }>): string {
  return `q ${rgb(el.color)} RG ${num(el.lineWidth ?? 1)} w ${num(el.x1)} ${num(el.y1)} m ${num(el.x2)} ${num(el.y2)} l S Q\n`;
}

/** The offset after the last "startxref" of a PDF file. */
function lastXrefOffset(bytes: Buffer): number {
  const at = bytes.lastIndexOf('startxref');
  const m = /^startxref\s+(\d+)/.exec(bytes.subarray(at, at + 40).toString('latin1'));
  if (at < 0 || !m) throw new Error('prepareTemplate: saved template has no startxref');
  return Number(m[1]);
}

/**
 * Builds a template's static page once: fonts embedded as subsets of CERTIFICATE_CHARSET,
 * static text, rectangles, lines and the logo drawn, then saved with a classic xref table so
 * that `renderCertificate` can append to it. Costs tens of milliseconds: cache the result per
 * template (and per configuration/logo version).
 */
export async function prepareTemplate(layout: CertificateLayout, assets: TemplateAssets): Promise<PreparedTemplate> {
  // Dates stay fixed so a template's bytes depend only on its layout and assets.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const page = doc.addPage([layout.width, layout.height]);

  const encodings = new Map<CertificateFont, FontEncoding>();
  const fontOf = async (font: CertificateFont): Promise<FontEncoding> => {
    let enc = encodings.get(font);
    if (!enc) {
      const n = encodings.size + 1;
      // Fixed names (pdf-lib would add random suffixes): the same layout gives the same bytes,
      // and the six-letter tag marks the font as a subset (PDF 32000-1 §9.6.4).
      const pdfFont = await doc.embedFont(assets.fonts[font], { subset: true, customName: `CAKAP${String.fromCharCode(64 + n)}+${FONT_NAMES[font]}` });
      const resource = PDFName.of(`F${n}`);
      page.node.setFontDictionary(resource, pdfFont.ref);
      enc = encodeCharset(pdfFont, resource.toString());
      encodings.set(font, enc);
    }
    return enc;
  };

  let ops = '';
  const texts: VariableText[] = [];
  const qrs: QrBox[] = [];
  for (const el of layout.elements) {
    switch (el.kind) {
      case 'text': {
        const style: TextStyle = {
          font: await fontOf(el.font),
          size: el.size,
          x: el.x,
          y: el.y,
          color: rgb(el.color),
          align: el.align ?? 'left',
          maxWidth: el.maxWidth,
          spacing: el.spacing ?? 0,
        };
        const parts = splitPlaceholders(el.text);
        if (parts.every((p) => typeof p === 'string')) ops += textOps(style, el.text);
        else texts.push({ style, parts });
        break;
      }
      case 'rect':
        ops += rectOps(el);
        break;
      case 'line':
        ops += lineOps(el);
        break;
      case 'logo': {
        if (!assets.logo) break;
        // A copy: pdf-lib reads images through their ArrayBuffer and ignores byteOffset, which
        // breaks on Buffers sliced from Node's pool (small files read with readFileSync).
        const bytes = new Uint8Array(assets.logo.bytes);
        const image = assets.logo.mime === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
        const scale = Math.min(el.width / image.width, el.height / image.height);
        const w = image.width * scale;
        const h = image.height * scale;
        page.node.setXObject(PDFName.of('Logo'), image.ref);
        ops += `q ${num(w)} 0 0 ${num(h)} ${num(el.x + (el.width - w) / 2)} ${num(el.y + (el.height - h) / 2)} cm /Logo Do Q\n`;
        break;
      }
      case 'qr':
        qrs.push({ x: el.x, y: el.y, size: el.size, color: rgb(el.color) });
        break;
    }
  }

  const staticRef = doc.context.register(doc.context.flateStream(`q\n${ops}Q\n`));
  page.node.set(PDFName.of('Contents'), staticRef);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));

  const head = page.node.clone();
  head.delete(PDFName.of('Contents'));
  const dict = head.toString();
  const root = doc.context.trailerInfo.Root;
  if (!(root instanceof PDFRef)) throw new Error('prepareTemplate: the catalog is not an indirect object');
  return {
    bytes,
    width: layout.width,
    height: layout.height,
    pageRef: { objectNumber: page.ref.objectNumber, generation: page.ref.generationNumber },
    pageDictHead: dict.slice(0, dict.lastIndexOf('>>')),
    staticContents: staticRef.toString(),
    rootRef: root.toString(),
    nextObjectNumber: doc.context.largestObjectNumber + 1,
    prevXref: lastXrefOffset(bytes),
    texts,
    qrs,
  };
}
