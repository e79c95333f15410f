/**
 * URL rules shared by the server schemas and the portal editors (no dependencies, safe to
 * bundle for the browser): which video links are accepted and how they are normalised, and
 * which hosts an embed may point at.
 */

/**
 * Hosts an embed block may show in an iframe. Exact host names (no wildcards, no
 * sub-domains): `docs.google.com.evil.com` or `evil.docs.google.com` do not match.
 * Changing this list is a change of the plugin (a new version), not configuration.
 */
export const EMBED_HOSTS: readonly string[] = [
  // video (normalised to the players' embed addresses)
  'www.youtube.com',
  'youtube.com',
  'm.youtube.com',
  'youtu.be',
  'www.youtube-nocookie.com',
  'vimeo.com',
  'player.vimeo.com',
  // Google Docs, Sheets, Slides and Forms; files shared from Google Drive
  'docs.google.com',
  'drive.google.com',
  // presentations, boards and interactive content
  'www.canva.com',
  'padlet.com',
  'h5p.org',
  'view.genially.com',
  'www.slideshare.net',
  'app.sli.do',
];

const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/i;

export interface VideoLink {
  provider: 'youtube' | 'vimeo';
  id: string;
  /** Vimeo's privacy hash of an unlisted video. */
  hash?: string;
  /** Start offset in seconds (YouTube `t=` / `start=`). */
  start?: number;
  /** The canonical watch address that is stored. */
  url: string;
  /** The address of the privacy-friendly embedded player (youtube-nocookie, player.vimeo.com). */
  embedUrl: string;
}

function parseLoose(input: string): URL | null {
  const text = input.trim();
  if (!text || text.length > 2000) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    return new URL(withScheme);
  } catch {
    return null;
  }
}

/** `90`, `90s`, `1m30s`, `1h2m3s` -> seconds. */
function parseStart(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d{1,6}$/.test(value)) return Number(value) || undefined;
  const m = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(value);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return seconds || undefined;
}

function youtube(id: string, start?: number): VideoLink {
  return {
    provider: 'youtube',
    id,
    ...(start ? { start } : {}),
    url: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}` : ''}`,
    embedUrl: `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
  };
}

function vimeo(id: string, hash?: string): VideoLink {
  return {
    provider: 'vimeo',
    id,
    ...(hash ? { hash } : {}),
    url: `https://vimeo.com/${id}${hash ? `/${hash}` : ''}`,
    embedUrl: `https://player.vimeo.com/video/${id}${hash ? `?h=${hash}` : ''}`,
  };
}

/**
 * Recognises a YouTube or Vimeo link (with or without `https://`) and returns its canonical
 * form; anything else is null. Accepted: youtube.com/watch?v=ID, youtu.be/ID,
 * youtube.com/embed/ID, /shorts/ID, /live/ID, youtube-nocookie.com/embed/ID, vimeo.com/ID,
 * vimeo.com/ID/HASH, vimeo.com/channels/NAME/ID, player.vimeo.com/video/ID(?h=HASH).
 */
export function parseVideoUrl(input: string): VideoLink | null {
  const u = parseLoose(input);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.port) return null;
  const host = u.hostname;
  const parts = u.pathname.split('/').filter(Boolean);
  const start = parseStart(u.searchParams.get('t') ?? u.searchParams.get('start'));
  if (host === 'youtu.be') {
    return parts.length === 1 && YOUTUBE_ID.test(parts[0]) ? youtube(parts[0], start) : null;
  }
  if (YOUTUBE_HOSTS.has(host)) {
    if (parts.length === 1 && parts[0] === 'watch') {
      const v = u.searchParams.get('v');
      return v && YOUTUBE_ID.test(v) ? youtube(v, start) : null;
    }
    if (parts.length === 2 && ['embed', 'shorts', 'live', 'v'].includes(parts[0]) && YOUTUBE_ID.test(parts[1])) {
      return youtube(parts[1], start);
    }
    return null;
  }
  if (VIMEO_HOSTS.has(host)) {
    if (host === 'player.vimeo.com') {
      if (parts.length !== 2 || parts[0] !== 'video' || !VIMEO_ID.test(parts[1])) return null;
      const h = u.searchParams.get('h');
      return vimeo(parts[1], h && VIMEO_HASH.test(h) ? h : undefined);
    }
    if (parts.length === 3 && parts[0] === 'channels' && VIMEO_ID.test(parts[2])) return vimeo(parts[2]);
    if ((parts.length === 1 || parts.length === 2) && VIMEO_ID.test(parts[0])) {
      if (parts.length === 2 && !VIMEO_HASH.test(parts[1])) return null;
      return vimeo(parts[0], parts[1]);
    }
    return null;
  }
  return null;
}

export type EmbedCheck =
  | { ok: true; url: string }
  | { ok: false; reason: 'content.embed.https' | 'content.embed.url' | 'content.embed.host' };

/**
 * Checks an embed address against the rules (https, no user name or port, host exactly on
 * EMBED_HOSTS) and normalises it to the address that works in an iframe: YouTube and Vimeo
 * links become their embedded players, Google Docs/Sheets/Slides and Drive files their
 * `/preview` page, Google Forms get `embedded=true`, Canva designs `?embed`.
 */
export function checkEmbedUrl(input: string): EmbedCheck {
  const text = input.trim();
  if (!text || text.length > 2000) return { ok: false, reason: 'content.embed.url' };
  if (!/^https:\/\//i.test(text)) {
    return { ok: false, reason: /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^http:/i.test(text) ? 'content.embed.url' : 'content.embed.https' };
  }
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, reason: 'content.embed.url' };
  }
  if (u.protocol !== 'https:') return { ok: false, reason: 'content.embed.https' };
  if (u.username || u.password || u.port) return { ok: false, reason: 'content.embed.url' };
  if (!EMBED_HOSTS.includes(u.hostname)) return { ok: false, reason: 'content.embed.host' };

  if (YOUTUBE_HOSTS.has(u.hostname) || u.hostname === 'youtu.be' || VIMEO_HOSTS.has(u.hostname)) {
    const video = parseVideoUrl(u.href);
    if (video) return { ok: true, url: video.embedUrl };
    return { ok: true, url: u.href };
  }
  if (u.hostname === 'docs.google.com') {
    const doc = /^\/(document|spreadsheets|presentation)\/d\/([A-Za-z0-9_-]+)\/(edit|view|preview)\/?$/.exec(u.pathname);
    if (doc) return { ok: true, url: `https://docs.google.com/${doc[1]}/d/${doc[2]}/preview` };
    if (/^\/forms\/(?:u\/\d+\/)?d\/(?:e\/)?[A-Za-z0-9_-]+\/viewform\/?$/.test(u.pathname)) {
      u.searchParams.set('embedded', 'true');
    }
  }
  if (u.hostname === 'drive.google.com') {
    const file = /^\/file\/d\/([A-Za-z0-9_-]+)\/(view|edit|preview)\/?$/.exec(u.pathname);
    if (file) return { ok: true, url: `https://drive.google.com/file/d/${file[1]}/preview` };
  }
  if (u.hostname === 'www.canva.com' && /^\/design\/[^/]+\/[^/]+\/view\/?$/.test(u.pathname) && !u.searchParams.has('embed')) {
    return { ok: true, url: `${u.origin}${u.pathname}?embed` };
  }
  return { ok: true, url: u.href };
}
