import { video, videoSchema } from './video';
import { parseVideoUrl } from './urls';

const FILE_ID = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';

describe('video links', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL123&index=2', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['http://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['  https://youtu.be/dQw4w9WgXcQ  ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abcdef&t=90', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?start=15', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=15'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'https://vimeo.com/76979871'],
    ['https://www.vimeo.com/76979871?share=copy', 'https://vimeo.com/76979871'],
    ['https://vimeo.com/76979871/8272103f6e', 'https://vimeo.com/76979871/8272103f6e'],
    ['https://vimeo.com/channels/staffpicks/76979871', 'https://vimeo.com/76979871'],
    ['https://player.vimeo.com/video/76979871', 'https://vimeo.com/76979871'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0', 'https://vimeo.com/76979871/8272103f6e'],
  ])('%s -> %s', (input, canonical) => {
    expect(parseVideoUrl(input)?.url).toBe(canonical);
    expect(videoSchema.parse({ url: input })).toEqual({ url: canonical });
    // the canonical form is stable
    expect(videoSchema.parse({ url: canonical })).toEqual({ url: canonical });
  });

  it('gives the privacy-friendly embedded player address', () => {
    expect(parseVideoUrl('https://youtu.be/dQw4w9WgXcQ?t=90')).toMatchObject({
      provider: 'youtube',
      id: 'dQw4w9WgXcQ',
      start: 90,
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
    });
    expect(parseVideoUrl('https://vimeo.com/76979871/8272103f6e')).toMatchObject({
      provider: 'vimeo',
      embedUrl: 'https://player.vimeo.com/video/76979871?h=8272103f6e',
    });
  });

  it.each([
    'https://evil.example/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ',
    'https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ',
    'https://user@www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
    'javascript:alert(1)//youtu.be/dQw4w9WgXcQ',
    'data:text/html,youtu.be/dQw4w9WgXcQ',
    'ftp://youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
    'https://www.youtube.com/channel/UC123',
    'https://www.youtube.com/playlist?list=PL123',
    'https://youtu.be/',
    'https://vimeo.com/',
    'https://vimeo.com/about',
    'https://vimeo.com/76979871/<script>',
    'https://player.vimeo.com/video/abc',
    'https://drive.google.com/file/d/abc/view',
    'not a url',
    '',
  ])('refuses %s', (input) => {
    expect(parseVideoUrl(input)).toBeNull();
    const r = videoSchema.safeParse({ url: input });
    expect(r.success).toBe(false);
  });

  it('refuses with the message key on the url field', () => {
    const r = videoSchema.safeParse({ url: 'https://evil.example/video.mp4' });
    expect(r.error?.issues).toEqual([expect.objectContaining({ message: 'content.video.url', path: ['url'] })]);
  });
});

describe('video schema', () => {
  it('accepts an uploaded file', () => {
    expect(videoSchema.parse({ fileId: FILE_ID })).toEqual({ fileId: FILE_ID });
    expect(videoSchema.parse({ fileId: FILE_ID, title: '  Pengantar  ', url: '' })).toEqual({ fileId: FILE_ID, title: 'Pengantar' });
  });

  it('needs exactly one source', () => {
    for (const data of [{}, { url: '' }, { title: 'x' }, { fileId: FILE_ID, url: 'https://youtu.be/dQw4w9WgXcQ' }]) {
      const r = videoSchema.safeParse(data);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ message: 'content.video.source', path: [] });
    }
  });

  it('refuses a file id that is not a uuid, and non-objects', () => {
    expect(videoSchema.safeParse({ fileId: '../../etc/passwd' }).success).toBe(false);
    expect(videoSchema.safeParse({ fileId: 42 }).success).toBe(false);
    expect(videoSchema.safeParse('https://youtu.be/dQw4w9WgXcQ').success).toBe(false);
    expect(videoSchema.safeParse({ url: 'https://youtu.be/dQw4w9WgXcQ', title: 'x'.repeat(201) }).success).toBe(false);
  });

  it('drops unknown fields', () => {
    expect(videoSchema.parse({ url: 'https://youtu.be/dQw4w9WgXcQ', embedHtml: '<script>' })).toEqual({
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
  });

  it('declares watched-to-90% completion, its files and its summary', () => {
    expect(video.key).toBe('video');
    expect(video.completion).toEqual({ kind: 'watched', fraction: 0.9 });
    expect(video.files?.({ fileId: FILE_ID })).toEqual([FILE_ID]);
    expect(video.files?.({ url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' })).toEqual([]);
    expect(video.summarize?.({ fileId: FILE_ID, title: 'Pengantar' })).toBe('Pengantar');
    expect(video.summarize?.({ fileId: FILE_ID })).toBe('');
  });
});
