import { embed, embedSchema, EMBED_HOSTS } from './embed';
import { checkEmbedUrl } from './urls';

const ok = (url: string, extra: object = {}) => embedSchema.parse({ url, title: 'Formulir', ...extra });
const reason = (url: string) => {
  const r = embedSchema.safeParse({ url, title: 'Formulir' });
  expect(r.success).toBe(false);
  expect(r.error?.issues[0].path).toEqual(['url']);
  return r.error?.issues[0].message;
};

describe('embed allow-list', () => {
  it('is a list of exact host names', () => {
    for (const host of EMBED_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
    expect(EMBED_HOSTS).toEqual(expect.arrayContaining(['docs.google.com', 'drive.google.com', 'www.canva.com', 'padlet.com', 'h5p.org']));
  });

  it.each([
    'https://padlet.com/bkpsdmd/papan-ide-abc123',
    'https://h5p.org/h5p/embed/612',
    'https://view.genially.com/5f3e/presentation-etika',
    'https://www.slideshare.net/slideshow/embed_code/key/abc',
    'https://app.sli.do/event/abc123',
    'https://docs.google.com/presentation/d/e/2PACX-1vQ/embed?start=false',
  ])('accepts %s unchanged', (url) => {
    expect(ok(url).url).toBe(url);
  });

  it('normalises to addresses that work in an iframe', () => {
    expect(ok('https://www.youtube.com/watch?v=dQw4w9WgXcQ').url).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(ok('https://vimeo.com/76979871').url).toBe('https://player.vimeo.com/video/76979871');
    expect(ok('https://docs.google.com/document/d/1AbC_d-E/edit?usp=sharing').url).toBe('https://docs.google.com/document/d/1AbC_d-E/preview');
    expect(ok('https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0').url).toBe('https://docs.google.com/spreadsheets/d/1AbC/preview');
    expect(ok('https://docs.google.com/forms/d/e/1FAIpQL/viewform?usp=sf_link').url).toBe(
      'https://docs.google.com/forms/d/e/1FAIpQL/viewform?usp=sf_link&embedded=true',
    );
    expect(ok('https://drive.google.com/file/d/1XyZ/view?usp=drive_link').url).toBe('https://drive.google.com/file/d/1XyZ/preview');
    expect(ok('https://www.canva.com/design/DAF1/abc/view').url).toBe('https://www.canva.com/design/DAF1/abc/view?embed');
  });

  it('normalising is stable (a stored address validates to itself)', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=5',
      'https://docs.google.com/forms/d/e/1FAIpQL/viewform',
      'https://www.canva.com/design/DAF1/abc/view',
      'https://docs.google.com/document/d/1AbC/edit',
      'https://vimeo.com/76979871/8272103f6e',
    ]) {
      const once = ok(url).url;
      expect(ok(once).url).toBe(once);
    }
  });

  it.each([
    ['https://docs.google.com.evil.com/', 'content.embed.host'],
    ['https://evil.com/?docs.google.com', 'content.embed.host'],
    ['https://evil.com/#https://docs.google.com/', 'content.embed.host'],
    ['https://evil.com/docs.google.com', 'content.embed.host'],
    ['https://docs.google.com@evil.com/', 'content.embed.url'], // user info: refused before the host is even looked at,
    ['https://docs.google.com:x@evil.com/', 'content.embed.url'],
    ['https://evil.com\\@docs.google.com/', 'content.embed.host'],
    ['https://evil.docs.google.com/', 'content.embed.host'],
    ['https://google.com/', 'content.embed.host'],
    ['https://docs.gооgle.com/', 'content.embed.host'], // Cyrillic o
    ['https://docs.google.com%2eevil.com/', 'content.embed.host'],
    ['https://docs.google.com./document/d/1/preview', 'content.embed.host'],
    ['https://127.0.0.1/', 'content.embed.host'],
    ['https://forms.gle/abc', 'content.embed.host'],
    ['https://user:pass@docs.google.com/', 'content.embed.url'],
    ['https://docs.google.com:444/', 'content.embed.url'],
    ['http://docs.google.com/document/d/1/preview', 'content.embed.https'],
    ['docs.google.com/document/d/1/preview', 'content.embed.https'],
    ['//docs.google.com/document/d/1/preview', 'content.embed.https'],
    ['javascript:alert(1)//docs.google.com', 'content.embed.url'],
    ['JAVASCRIPT:alert(1)', 'content.embed.url'],
    ['data:text/html,<script>alert(1)</script>', 'content.embed.url'],
    ['https://', 'content.embed.url'],
    ['https://exa mple.com/', 'content.embed.url'],
  ])('refuses %s (%s)', (url, key) => {
    expect(reason(url)).toBe(key);
    expect(checkEmbedUrl(url).ok).toBe(false);
  });
});

describe('embed schema', () => {
  const url = 'https://padlet.com/bkpsdmd/papan';

  it('requires a title (the iframe’s accessible name)', () => {
    expect(embedSchema.safeParse({ url }).success).toBe(false);
    const r = embedSchema.safeParse({ url, title: '   ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['title']);
  });

  it('accepts an optional height within limits', () => {
    expect(ok(url, { height: 600 })).toEqual({ url, title: 'Formulir', height: 600 });
    expect(ok(url)).toEqual({ url, title: 'Formulir' });
    for (const height of [199, 2001, 500.5, '600', -1]) {
      expect(embedSchema.safeParse({ url, title: 'x', height }).success).toBe(false);
    }
  });

  it('requires a url', () => {
    const r = embedSchema.safeParse({ title: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['url']);
  });

  it('declares its completion, files and summary', () => {
    expect(embed.key).toBe('embed');
    expect(embed.completion).toEqual({ kind: 'viewed' });
    expect(embed.files?.({ url, title: 'Papan ide' })).toEqual([]);
    expect(embed.summarize?.({ url, title: 'Papan ide' })).toBe('Papan ide');
  });
});
