import plugin from './index';

const type = (key: string) => plugin.contentTypes!.find((c) => c.key === key)!;

describe('draft schemas (autosave keeps unfinished blocks, safely)', () => {
  it('keeps an empty or half-filled block of every type that the strict schema refuses', () => {
    const unfinished: Record<string, unknown> = {
      richtext: { html: '' },
      video: { url: 'https://youtu' },
      file: { allowDownload: true },
      image: { alt: '' },
      embed: { url: 'https://docs.goo', title: '' },
    };
    for (const [key, data] of Object.entries(unfinished)) {
      expect(type(key).schema.safeParse(data).success).toBe(false);
      expect(type(key).draftSchema!.safeParse(data).success).toBe(true);
    }
  });

  it('still sanitises rich text in drafts', () => {
    const out = type('richtext').draftSchema!.parse({ html: '<p onclick="x()">Hai<script>alert(1)</script></p><img src=x onerror=alert(1)>' });
    expect(out).toEqual({ html: '<p>Hai</p>' });
  });

  it('refuses what is not even a draft (wrong types, oversized)', () => {
    expect(type('video').draftSchema!.safeParse({ fileId: 'not-a-uuid' }).success).toBe(false);
    expect(type('embed').draftSchema!.safeParse({ url: 'x'.repeat(3000) }).success).toBe(false);
  });
});
