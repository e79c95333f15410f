import { z } from 'zod';
import { CERTIFICATE_FIELDS, satisfiesSdk, type CertificateElement } from '@cakap/plugin-sdk';
import plugin, { messages, PLUGIN_ID, PLUGIN_VERSION, sttpConfigSchema, sttpDefaultConfig, sttpLayout, type SttpConfig } from './index';
import { contrastOnWhite } from './contrast';
import * as pkg from '../package.json';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const issues = (config: unknown) => {
  const r = sttpConfigSchema.safeParse(config);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};
const withConfig = (patch: Partial<SttpConfig>) => ({ ...sttpDefaultConfig, ...patch });

describe('@cakap/plugin-certificates', () => {
  it('is a plugin the host accepts, with the persisted key `sttp`', () => {
    expect(plugin.id).toBe(pkg.name);
    expect(PLUGIN_ID).toBe(pkg.name);
    expect(PLUGIN_VERSION).toBe(pkg.version);
    expect(satisfiesSdk(plugin.sdk)).toBe(true);
    expect(plugin.certificateTemplates.map((t) => t.key)).toEqual(['sttp']);
    const [sttp] = plugin.certificateTemplates;
    expect(sttp.title.id && sttp.title.en && sttp.description?.id && sttp.description?.en).toBeTruthy();
  });

  it('has every message in both languages, and every key the schema uses', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    expect(plugin.messages).toBe(messages);
    const used = new Set<string>();
    for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))) {
      for (const m of readFileSync(join(__dirname, f), 'utf8').matchAll(/'(certificate\.sttp\.[a-zA-Z]+)'/g)) used.add(m[1]);
    }
    expect([...used].sort()).toEqual(Object.keys(messages.id).sort());
  });

  it('publishes its schema as JSON Schema (GET /certificate-template-types)', () => {
    const json = z.toJSONSchema(sttpConfigSchema) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(json.properties)).toEqual(Object.keys(sttpDefaultConfig));
    expect(json.required).toContain('signerNip');
  });
});

describe('sttp configuration', () => {
  it('the Batanghari defaults are valid, and a printed NIP with spaces is accepted', () => {
    expect(issues(sttpDefaultConfig)).toEqual([]);
    expect(issues(withConfig({ signerNip: '19690309 199403 2 001' }))).toEqual([]);
    expect(issues(withConfig({ address: '', signerRank: '', showBorder: false }))).toEqual([]);
  });

  it('refuses a signer NIP that is not 18 digits', () => {
    for (const signerNip of ['19690309199403200', '1969030919940320011', '19690309-199403-2-001', 'NIP 196903091994032001', '']) {
      expect(issues(withConfig({ signerNip }))).toEqual(['signerNip:certificate.sttp.signerNip']);
    }
  });

  it('refuses colours that are not #rrggbb or too light to print on white', () => {
    expect(issues(withConfig({ primaryColor: 'navy' }))).toEqual(['primaryColor:certificate.sttp.color']);
    expect(issues(withConfig({ accentColor: '#fff' }))).toEqual(['accentColor:certificate.sttp.color']);
    // #777777 is 4.48:1 on white: fine for a frame, too light for text.
    expect(contrastOnWhite('#777777')).toBeCloseTo(4.48, 2);
    expect(issues(withConfig({ primaryColor: '#777777' }))).toEqual(['primaryColor:certificate.sttp.textContrast']);
    expect(issues(withConfig({ accentColor: '#777777' }))).toEqual([]);
    expect(issues(withConfig({ accentColor: '#f0c040' }))).toEqual(['accentColor:certificate.sttp.accentContrast']);
    expect(contrastOnWhite(sttpDefaultConfig.primaryColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
  });

  it('refuses braces in wording, empty letterheads and unknown keys', () => {
    expect(issues(withConfig({ title: 'SERTIFIKAT {name}' }))).toEqual(['title:certificate.sttp.braces']);
    expect(issues(withConfig({ issuerLines: [] })).length).toBe(1);
    expect(issues(withConfig({ issuerLines: ['A', 'B', 'C', 'D'] })).length).toBe(1);
    expect(issues({ ...sttpDefaultConfig, fontSize: 40 }).length).toBe(1);
  });
});

/** A generous width for text at `size` (DejaVu's widest Latin glyphs stay under 0.7 em on average). */
const textWidth = (e: Extract<CertificateElement, { kind: 'text' }>) =>
  e.maxWidth ?? e.text.length * e.size * 0.62 + (e.spacing ?? 0) * e.text.length;

function box(e: CertificateElement): { left: number; right: number; bottom: number; top: number } {
  switch (e.kind) {
    case 'text': {
      const w = textWidth(e);
      const left = e.align === 'center' ? e.x - w / 2 : e.align === 'right' ? e.x - w : e.x;
      return { left, right: left + w, bottom: e.y - e.size * 0.25, top: e.y + e.size };
    }
    case 'line':
      return { left: Math.min(e.x1, e.x2), right: Math.max(e.x1, e.x2), bottom: Math.min(e.y1, e.y2), top: Math.max(e.y1, e.y2) };
    case 'qr':
      return { left: e.x, right: e.x + e.size, bottom: e.y, top: e.y + e.size };
    default:
      return { left: e.x, right: e.x + e.width, bottom: e.y, top: e.y + e.height };
  }
}

describe('sttp layout', () => {
  const configs: [string, SttpConfig][] = [
    ['defaults', sttpDefaultConfig],
    ['one issuer line, no address, no rank, no border', withConfig({ issuerLines: ['BKPSDMD KABUPATEN BATANGHARI'], address: '', signerRank: '', showBorder: false })],
    ['three issuer lines and an address', withConfig({ issuerLines: ['PEMERINTAH PROVINSI JAMBI', 'PEMERINTAH KABUPATEN BATANGHARI', 'BADAN KEPEGAWAIAN DAERAH'] })],
  ];

  it.each(configs)('is A4 landscape and carries every certificate field (%s)', (_, config) => {
    const layout = sttpLayout(config);
    expect([layout.width, layout.height]).toEqual([842, 595]);
    const text = layout.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : [])).join('\n');
    for (const field of CERTIFICATE_FIELDS) expect(text).toContain(`{${field}}`);
    for (const label of ['Nomor: {number}', 'NIP', 'Pangkat/Golongan', 'Jabatan', 'Unit Kerja', 'meliputi {jpText}', 'Verifikasi keaslian: {verifyUrl}']) {
      expect(text).toContain(label);
    }
    expect(text).toContain(config.signerTitle);
    expect(text).toContain(config.signerName);
    expect(text).toContain('NIP. 19690309 199403 2 001');
    for (const line of config.issuerLines) expect(text).toContain(line);
    expect(layout.elements.filter((e) => e.kind === 'qr')).toHaveLength(1);
    expect(layout.elements.filter((e) => e.kind === 'logo')).toHaveLength(1);
    expect(layout.elements.filter((e) => e.kind === 'rect')).toHaveLength(config.showBorder ? 2 : 0);
  });

  it.each(configs)('keeps everything inside the page, text inside the frame (%s)', (_, config) => {
    const layout = sttpLayout(config);
    for (const e of layout.elements) {
      const b = box(e);
      const margin = e.kind === 'rect' ? 0 : 26;
      expect({ e, inside: b.left >= margin && b.bottom >= margin && b.right <= layout.width - margin && b.top <= layout.height - margin }).toEqual({ e, inside: true });
    }
  });

  it('uses three fonts, each embedded in every certificate', () => {
    const fonts = new Set(sttpLayout(sttpDefaultConfig).elements.flatMap((e) => (e.kind === 'text' ? [e.font] : [])));
    expect([...fonts].sort()).toEqual(['sans', 'sans-bold', 'serif-bold']);
  });

  it('keeps the QR code and the signature block apart from the course text', () => {
    const layout = sttpLayout(sttpDefaultConfig);
    const qr = layout.elements.find((e) => e.kind === 'qr')!;
    const jp = layout.elements.find((e) => e.kind === 'text' && e.text.includes('{jpText}'))!;
    const place = layout.elements.find((e) => e.kind === 'text' && e.text === '{placeDate}')!;
    expect(box(qr).top).toBeLessThan(box(jp).bottom);
    expect(box(place).top).toBeLessThan(box(jp).bottom);
    expect(box(qr).right).toBeLessThan(box(place).left);
  });
});
