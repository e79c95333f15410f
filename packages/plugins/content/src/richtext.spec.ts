import { parseFragment } from 'parse5';
import { richtext, richtextSchema, richTextToPlain, sanitizeRichText, RICHTEXT_MAX_LENGTH, RICHTEXT_TAGS } from './richtext';

/**
 * The rich-text sanitiser against real XSS payloads (OWASP filter-evasion cheat sheet,
 * PortSwigger XSS cheat sheet, mutation-XSS write-ups). Each output is parsed with parse5 —
 * the WHATWG HTML parsing algorithm, as a browser would parse it — and checked for anything
 * executable.
 */

interface El {
  tag: string;
  ns: string;
  attrs: { name: string; value: string }[];
}

type P5Node = {
  nodeName: string;
  tagName?: string;
  namespaceURI?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
};

function elements(html: string): El[] {
  const out: El[] = [];
  const walk = (node: P5Node) => {
    if (node.tagName) out.push({ tag: node.tagName, ns: node.namespaceURI ?? '', attrs: node.attrs ?? [] });
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(html) as unknown as P5Node);
  return out;
}

const ALLOWED_ATTRS: Record<string, string[]> = {
  a: ['href', 'title', 'target', 'rel'],
  ol: ['start'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

/** Fails the test when the HTML, parsed as a browser would, holds anything that can run code. */
function expectInert(html: string) {
  for (const el of elements(html)) {
    expect(el.ns).toBe('http://www.w3.org/1999/xhtml');
    expect(RICHTEXT_TAGS).toContain(el.tag);
    for (const attr of el.attrs) {
      expect(attr.name).not.toMatch(/^on/i);
      expect(['style', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data']).not.toContain(attr.name);
      expect(ALLOWED_ATTRS[el.tag] ?? []).toContain(attr.name);
      if (attr.name === 'href') {
        expect(attr.value).toMatch(/^(https?:\/\/|mailto:)/);
        expect(['http:', 'https:', 'mailto:']).toContain(new URL(attr.value).protocol);
      }
    }
    if (el.tag === 'a') {
      const attrs = Object.fromEntries(el.attrs.map((a) => [a.name, a.value]));
      expect(attrs.rel).toBe('noopener noreferrer');
      expect(attrs.target).toBe('_blank');
    }
  }
  expect(html).not.toMatch(/<script|<iframe|<svg|<math|<style|<object|<embed|<img|<form|<!--|javascript:|vbscript:|data:/i);
}

const PAYLOADS: [string, string][] = [
  ['script tag', '<script>alert(1)</script><p>ok</p>'],
  ['script with src', '<script src="https://evil.example/x.js"></script>ok'],
  ['script upper case', '<SCRIPT>alert(1)</SCRIPT>ok'],
  ['script split by a tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img onerror, no quotes, backticks', '<img src=`x` onerror=`alert(1)`>'],
  ['img with javascript src', '<IMG SRC="javascript:alert(\'XSS\');">'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['svg script', '<svg><script>alert(1)</script></svg>'],
  ['svg animate href', '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>Click</text></a></svg>'],
  ['body onload', '<body onload=alert(1)>text</body>'],
  ['a javascript:', '<a href="javascript:alert(1)">click</a>'],
  ['a mixed case', '<a href="JaVaScRiPt:alert(1)">click</a>'],
  ['a tab entity', '<a href="jav&#x09;ascript:alert(1)">click</a>'],
  ['a raw tab', '<a href="jav\tascript:alert(1)">click</a>'],
  ['a newline entity', '<a href="jav&#x0A;ascript:alert(1)">click</a>'],
  ['a decimal entities', '<a href="&#106;avascript:alert(1)">click</a>'],
  ['a padded decimal entities', '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">click</a>'],
  ['a hex entities without semicolons', '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29">click</a>'],
  ['a named entity colon', '<a href="javascript&colon;alert(1)">click</a>'],
  ['a leading spaces and control chars', '<a href=" &#14;  javascript:alert(1)">click</a>'],
  ['a vbscript', '<a href="vbscript:msgbox(1)">click</a>'],
  ['a data: html', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>'],
  ['a data: mixed case', '<a href="DaTa:text/html,<script>alert(1)</script>">click</a>'],
  ['a protocol-relative', '<a href="//evil.example/">click</a>'],
  ['a onclick with safe href', '<a href="https://ok.example/" onclick="alert(1)" onmouseover="alert(2)">click</a>'],
  ['a with style', '<a href="https://ok.example/" style="position:fixed;top:0;left:0;width:100%;height:100%">click</a>'],
  ['iframe', '<iframe src="https://evil.example/"></iframe>text'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['iframe javascript', '<iframe src="javascript:alert(1)"></iframe>'],
  ['div style url javascript', '<div style="background:url(javascript:alert(1))">x</div>'],
  ['p style expression', '<p style="width:expression(alert(1))">x</p>'],
  ['style tag', '<style>@import "https://evil.example/x.css";</style><p>x</p>'],
  ['link stylesheet', '<link rel="stylesheet" href="javascript:alert(1)">x'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">x'],
  ['base href', '<base href="javascript:alert(1)//">x'],
  ['object data', '<object data="javascript:alert(1)"></object>x'],
  ['embed src', '<embed src="data:text/html,<script>alert(1)</script>">x'],
  ['math mutation XSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['math mutation XSS 2', '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>'],
  ['noscript mutation XSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['form javascript action', '<form action=javascript:alert(1)><input type=submit></form>'],
  ['button formaction', '<form><button formaction=javascript:alert(1)>X</button></form>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
  ['input autofocus onfocus', '<input autofocus onfocus=alert(1)>'],
  ['video source onerror', '<video><source onerror="alert(1)"></video>'],
  ['audio src onerror', '<audio src=x onerror=alert(1)>'],
  ['marquee onstart', '<marquee onstart=alert(1)>x</marquee>'],
  ['comment with script', '<!--<script>alert(1)</script>-->ok'],
  ['conditional comment', '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->ok'],
  ['cdata', '<![CDATA[<script>alert(1)</script>]]>ok'],
  ['unclosed attribute', '<a href="https://ok.example/ onmouseover=alert(1) x="'],
  ['unclosed tags', '<p><b><i><a href="https://ok.example/">link'],
  ['nested unclosed with script', '<p><b><script>alert(1)'],
  ['malformed img', '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">'],
  ['attribute without space', '<img/src="x"/onerror=alert(1)>'],
  ['textarea breakout', '<textarea></textarea><img src=x onerror=alert(1)></textarea>'],
  ['title breakout', '<title><img src=x onerror=alert(1)></title>'],
  ['template', '<template><img src=x onerror=alert(1)></template>ok'],
  ['xmp', '<xmp><img src=x onerror=alert(1)></xmp>'],
  ['td background', '<table><tr><td background="javascript:alert(1)">x</td></tr></table>'],
  ['table style', '<table style="background:url(javascript:alert(1))"><tr><td>x</td></tr></table>'],
  ['svg use external', '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48aW1hZ2UgaHJlZj0nMScgb25lcnJvcj0nYWxlcnQoMSknLz48L3N2Zz4=#x"></use></svg>'],
  ['a xlink href', '<a xlink:href="javascript:alert(1)">x</a>'],
  ['a with html entities in scheme', '<a href="java&Tab;script:alert(1)">x</a>'],
  ['a with null byte', '<a href="java\0script:alert(1)">x</a>'],
  ['deeply nested', '<div>'.repeat(200) + '<img src=x onerror=alert(1)>' + '</div>'.repeat(200)],
];

describe('richtext sanitising: XSS payloads', () => {
  it('the checker itself catches executable HTML', () => {
    expect(() => expectInert('<p onclick="alert(1)">x</p>')).toThrow();
    expect(() => expectInert('<a href="javascript:alert(1)" rel="noopener noreferrer" target="_blank">x</a>')).toThrow();
    expect(() => expectInert('<svg><a href="https://ok.example/">x</a></svg>')).toThrow();
    expect(() => expectInert('<img src="x">')).toThrow();
    expect(() => expectInert('<a href="https://ok.example/">x</a>')).toThrow(); // rel/target missing
  });

  it.each(PAYLOADS)('%s: nothing executable survives', (_name, payload) => {
    const out = sanitizeRichText(payload);
    expectInert(out);
    // Sanitising is stable: what is stored sanitises to itself.
    expect(sanitizeRichText(out)).toBe(out);
  });

  it('refused links keep their text', () => {
    expect(sanitizeRichText('<p>Go <a href="javascript:alert(1)">here</a> now</p>')).toBe('<p>Go here now</p>');
    expect(sanitizeRichText('<p><a href="/relative">rel</a> <a href="#top">top</a></p>')).toBe('<p>rel top</p>');
  });

  it('a refused link does not break the next one (sanitize-html transformTags quirk)', () => {
    const out = sanitizeRichText('<p><a href="/x">a</a><a href="https://ok.example/y">b</a><em>c</em></p>');
    expect(out).toBe('<p>a<a href="https://ok.example/y" target="_blank" rel="noopener noreferrer">b</a><em>c</em></p>');
  });

  it('the schema sanitises what it stores', () => {
    const parsed = richtextSchema.parse({ html: '<p onclick="x()">Hi <script>alert(1)</script><b>there</b></p>' });
    expect(parsed).toEqual({ html: '<p>Hi <b>there</b></p>' });
  });
});

describe('richtext sanitising: formatting survives', () => {
  it('keeps the allowed formatting', () => {
    const html =
      '<h2>Judul</h2><h3>Sub</h3><h4>Subsub</h4>' +
      '<p>Teks <strong>tebal</strong>, <b>b</b>, <em>miring</em>, <i>i</i>, <u>garis</u>, <s>coret</s>, <code>kode</code><br>baris baru</p>' +
      '<ul><li>satu</li><li>dua</li></ul><ol start="3"><li>tiga</li></ol>' +
      '<blockquote><p>kutipan</p></blockquote><pre><code>const x = 1;</code></pre><hr>' +
      '<table><thead><tr><th colspan="2">A</th></tr></thead><tbody><tr><td>1</td><td rowspan="1">2</td></tr></tbody></table>';
    expect(sanitizeRichText(html)).toBe(html.replace('<hr>', '<hr />').replace('<br>', '<br />'));
  });

  it('forces safe link attributes and keeps title', () => {
    expect(sanitizeRichText('<a href="https://bkpsdmd.batangharikab.go.id" title="BKPSDMD" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://bkpsdmd.batangharikab.go.id/" target="_blank" rel="noopener noreferrer" title="BKPSDMD">x</a>',
    );
    expect(sanitizeRichText('<a href="mailto:bkpsdmd@batangharikab.go.id">surel</a>')).toBe(
      '<a href="mailto:bkpsdmd@batangharikab.go.id" target="_blank" rel="noopener noreferrer">surel</a>',
    );
  });

  it('maps headings to the allowed levels and drops wrappers but keeps their text', () => {
    expect(sanitizeRichText('<h1>A</h1><h6>B</h6><div><span style="color:red">C</span></div>')).toBe('<h2>A</h2><h4>B</h4>C');
  });

  it('keeps only numeric table and list attributes', () => {
    expect(sanitizeRichText('<ol start="x"><li>a</li></ol><table><tr><td colspan="2;x">b</td></tr></table>')).toBe(
      '<ol><li>a</li></ol><table><tr><td>b</td></tr></table>',
    );
  });

  it('escapes text that looks like markup', () => {
    expect(sanitizeRichText('<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;</p>')).toBe('<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;</p>');
  });

  it('accepts what the TipTap editor produces', () => {
    const tiptap =
      '<h2>Pengantar</h2><p>Selamat <strong>datang</strong> di <a target="_blank" rel="noopener noreferrer nofollow" href="https://cakap.example/">Cakap</a>.</p><ul><li><p>Satu</p></li></ul><p></p>';
    const out = sanitizeRichText(tiptap);
    expectInert(out);
    expect(out).toContain('<a href="https://cakap.example/" target="_blank" rel="noopener noreferrer">Cakap</a>');
    expect(out).toContain('<ul><li><p>Satu</p></li></ul>');
  });
});

describe('richtext schema', () => {
  it('refuses empty text with a message key', () => {
    for (const html of ['', '   ', '<p></p>', '<p>&nbsp;</p>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<hr>']) {
      const r = richtextSchema.safeParse({ html });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ message: 'content.richtext.empty', path: ['html'] });
    }
  });

  it('refuses a missing or non-string html and overlong input', () => {
    expect(richtextSchema.safeParse({}).success).toBe(false);
    expect(richtextSchema.safeParse({ html: 42 }).success).toBe(false);
    expect(richtextSchema.safeParse(null).success).toBe(false);
    const long = richtextSchema.safeParse({ html: `<p>${'a'.repeat(RICHTEXT_MAX_LENGTH)}</p>` });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].code).toBe('too_big');
  });

  it('drops unknown fields', () => {
    expect(richtextSchema.parse({ html: '<p>x</p>', secret: 'y' })).toEqual({ html: '<p>x</p>' });
  });

  it('summarises to plain text with entities decoded and blocks separated', () => {
    const data = richtextSchema.parse({ html: '<h2>Etika&nbsp;ASN</h2><p>Jujur &amp; <b>adil</b></p><ul><li>satu</li><li>dua</li></ul><p>a<br>b</p>' });
    expect(richtext.summarize?.(data)).toBe('Etika ASN Jujur & adil satu dua a b');
    expect(richTextToPlain('<p>1 &lt; 2 &#x41;&#66;</p>')).toBe('1 < 2 AB');
    expect(richtext.files?.(data)).toEqual([]);
    expect(richtext.completion).toEqual({ kind: 'viewed' });
  });
});
