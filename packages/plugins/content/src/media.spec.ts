import { file, fileSchema } from './file';
import { image, imageSchema } from './image';

const FILE_ID = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';

describe('file', () => {
  it('accepts a file id, with download allowed by default', () => {
    expect(fileSchema.parse({ fileId: FILE_ID })).toEqual({ fileId: FILE_ID, allowDownload: true });
    expect(fileSchema.parse({ fileId: FILE_ID, title: ' Modul 1 ', allowDownload: false })).toEqual({
      fileId: FILE_ID,
      title: 'Modul 1',
      allowDownload: false,
    });
  });

  it('keeps the file name and type as display hints, when they are plausible', () => {
    const data = { fileId: FILE_ID, fileName: 'Modul Etika ASN.pdf', mimeType: 'application/pdf' };
    expect(fileSchema.parse(data)).toEqual({ ...data, allowDownload: true });
    expect(file.summarize?.(fileSchema.parse(data))).toBe('Modul Etika ASN.pdf');
    for (const bad of [{ fileName: '../../etc/passwd' }, { fileName: 'a<script>.pdf' }, { fileName: 'a\u0000.pdf' }, { mimeType: 'text/html"><x' }, { mimeType: 'pdf' }]) {
      expect(fileSchema.safeParse({ fileId: FILE_ID, ...bad }).success).toBe(false);
    }
  });

  it('refuses what is not a document reference', () => {
    for (const data of [{}, { fileId: 'x' }, { fileId: FILE_ID, allowDownload: 'yes' }, { fileId: FILE_ID, title: 'x'.repeat(201) }, null]) {
      expect(fileSchema.safeParse(data).success).toBe(false);
    }
    expect(fileSchema.safeParse({}).error?.issues[0].path).toEqual(['fileId']);
  });

  it('declares its completion, files and summary', () => {
    expect(file.key).toBe('file');
    expect(file.completion).toEqual({ kind: 'viewed' });
    expect(file.files?.({ fileId: FILE_ID, allowDownload: true })).toEqual([FILE_ID]);
    expect(file.summarize?.({ fileId: FILE_ID, allowDownload: true, title: 'Modul 1' })).toBe('Modul 1');
  });
});

describe('image', () => {
  it('accepts an image with alt text and caption', () => {
    expect(imageSchema.parse({ fileId: FILE_ID, alt: ' Struktur organisasi BKPSDMD ', caption: 'Gambar 1' })).toEqual({
      fileId: FILE_ID,
      alt: 'Struktur organisasi BKPSDMD',
      caption: 'Gambar 1',
      decorative: false,
    });
  });

  it('requires alt text unless decorative', () => {
    for (const data of [{ fileId: FILE_ID }, { fileId: FILE_ID, alt: '   ' }, { fileId: FILE_ID, alt: '', decorative: false }]) {
      const r = imageSchema.safeParse(data);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ message: 'content.image.alt', path: ['alt'] });
    }
    expect(imageSchema.parse({ fileId: FILE_ID, decorative: true })).toEqual({ fileId: FILE_ID, alt: '', decorative: true });
    // a decorative image is read as alt="" even if text was typed before ticking the box
    expect(imageSchema.parse({ fileId: FILE_ID, alt: 'garis', decorative: true })).toEqual({ fileId: FILE_ID, alt: '', decorative: true });
  });

  it('refuses bad ids and overlong text', () => {
    expect(imageSchema.safeParse({ fileId: 'nope', alt: 'x' }).success).toBe(false);
    expect(imageSchema.safeParse({ fileId: FILE_ID, alt: 'x'.repeat(301) }).success).toBe(false);
    expect(imageSchema.safeParse({ fileId: FILE_ID, alt: 'x', caption: 'x'.repeat(501) }).success).toBe(false);
    expect(imageSchema.safeParse({ fileId: FILE_ID, alt: 'x', decorative: 'true' }).success).toBe(false);
  });

  it('declares its completion, files and summary', () => {
    expect(image.key).toBe('image');
    expect(image.completion).toEqual({ kind: 'viewed' });
    const data = imageSchema.parse({ fileId: FILE_ID, alt: 'Peta', caption: 'Kabupaten Batanghari' });
    expect(image.files?.(data)).toEqual([FILE_ID]);
    expect(image.summarize?.(data)).toBe('Peta Kabupaten Batanghari');
  });
});
