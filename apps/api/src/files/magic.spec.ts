import { contentDisposition, parseRange } from './files.controller';
import { sniff } from './magic';

describe('sniff', () => {
  const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

  it.each([
    ['image', bytes([0xff, 0xd8, 0xff, 0xe1]), 'a.jpg', 'image/jpeg'],
    ['image', bytes([0x89], 'PNG\r\n\x1a\n'), 'a.png', 'image/png'],
    ['image', bytes('GIF89a'), 'a.gif', 'image/gif'],
    ['image', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'a.webp', 'image/webp'],
    ['video', bytes([0, 0, 0, 0x20], 'ftypmp42'), 'a.mp4', 'video/mp4'],
    ['video', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'), 'a.webm', 'video/webm'],
    ['document', bytes('%PDF-1.7'), 'a.pdf', 'application/pdf'],
    ['document', bytes('PK\x03\x04'), 'Laporan.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ] as const)('recognises a %s from its bytes (%s)', (kind, head, name, mime) => {
    expect(sniff(head, kind, name)).toEqual({ mimeType: mime });
  });

  it.each([
    ['image', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), 'a.svg'],
    ['image', bytes('<!doctype html>'), 'a.png'],
    ['video', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'a.mov'],
    ['video', bytes([0x1a, 0x45, 0xdf, 0xa3], 'matroska'), 'a.mkv'],
    ['document', bytes('PK\x03\x04'), 'a.zip'],
    ['document', bytes('MZ'), 'a.pdf'],
    ['image', bytes([]), 'a.png'],
  ] as const)('refuses a %s that is not one (%s)', (kind, head, name) => {
    expect(sniff(head, kind, name)).toBeNull();
  });
});

describe('parseRange', () => {
  it('reads one range, open or suffix, clamped to the size', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('serves everything for several ranges or nonsense, and 416 for what lies outside', () => {
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-4', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('inline', 'Modul "1".pdf')).toBe(`inline; filename="Modul _1_.pdf"; filename*=UTF-8''Modul%20%221%22.pdf`);
    expect(contentDisposition('attachment', "Ringkasan (final) it's.pdf")).toBe(
      `attachment; filename="Ringkasan (final) it's.pdf"; filename*=UTF-8''Ringkasan%20%28final%29%20it%27s.pdf`,
    );
  });
});
