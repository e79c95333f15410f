/**
 * Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), for importing and exporting
 * question banks. What is read:
 *
 * - questions separated by blank lines; `//` comment lines; `$CATEGORY: $course$/top/A/B`
 *   (the context prefix and `top` are dropped, `//` in a name is a literal `/`), which applies
 *   to the questions after it;
 * - `::title::`, then an optional `[html]`, `[plain]`, `[moodle]` or `[markdown]` format
 *   (markdown is read as plain text), then the question text with one `{…}` answer block; text
 *   after the block (Moodle's "missing word") joins the prompt after a blank `_____`;
 * - escapes `\~ \= \# \{ \} \:` (any `\x` is a literal x, `\n` a line break);
 * - `{=right ~wrong}` single choice; `{~%50%a ~%50%b ~%-100%c}` multiple choice (positive weights
 *   are the correct options, negative or zero ones are wrong; partial credit unless marked);
 *   `#feedback` after an answer, `####feedback` for the whole question;
 * - `{T}`, `{TRUE}`, `{F}`, `{FALSE}` with `#feedback when wrong#feedback when right`;
 * - `{=a =b}` short answer (full-credit answers only; feedback per answer is not kept);
 * - `{#3.14:0.01}`, `{#3.14}`, `{#1..5}` (a range is its midpoint ± half its width), also
 *   Moodle's `{#=3.14:0.01 =%50%3:1}` of which the full-credit answer is kept;
 * - `{=left -> right}` matching, `{=-> right}` (no left) a distractor; `{}` essay.
 *
 * GIFT cannot say everything Cakap's types hold, so export adds comment lines that Moodle
 * ignores and this parser reads, placed before the question they describe:
 *
 * - `// cakap:type=ordering`: the question's `=` answers are items in the right order
 *   (without the line Moodle reads them as a short answer, which is harmless);
 * - `// cakap:type=multiple_choice`: several answers allowed even with one correct option;
 * - `// cakap:all-or-nothing`: multiple choice without partial credit;
 * - `// cakap:case-sensitive`: a case-sensitive short answer;
 * - `// cakap:points=2`: the question's points;
 * - `// cakap:words=50..300`: an essay's word limits (either side may be empty).
 *
 * Not carried: an essay's rubric, and ids of options (import numbers them o1, o2, ...).
 * Parsing never throws: every problem is an error naming the line where its question starts,
 * as a message key with parameters (`quiz.gift.*` in the contracts' catalogue), so the caller
 * words it in the reader's language. The caller validates each `data` with the question type's author schema.
 */

export type GiftQuestionType =
  | 'single_choice'
  | 'multiple_choice'
  | 'true_false'
  | 'short_answer'
  | 'numeric'
  | 'matching'
  | 'ordering'
  | 'essay';

export interface GiftQuestion {
  /** The line where the question starts (1-based). */
  line: number;
  /** From the last `$CATEGORY:` line; null for the bank's root. */
  category: string[] | null;
  title?: string;
  type: GiftQuestionType;
  points?: number;
  /** Author data of the type (not yet validated by its schema); the prompt is HTML. */
  data: Record<string, unknown>;
}

/** The message keys of GIFT syntax errors (texts in the contracts' catalogue, id and en). */
export const GIFT_ERROR_KEYS = [
  'quiz.gift.badPoints',
  'quiz.gift.badWords',
  'quiz.gift.unclosedTitle',
  'quiz.gift.noAnswerBlock',
  'quiz.gift.unclosedBrace',
  'quiz.gift.oneAnswerBlock',
  'quiz.gift.emptyPrompt',
  'quiz.gift.answerMark',
  'quiz.gift.orderingMark',
  'quiz.gift.shortAnswerWeight',
  'quiz.gift.badWeight',
  'quiz.gift.emptyOption',
  'quiz.gift.noCorrect',
  'quiz.gift.matchingPair',
  'quiz.gift.matchingRight',
  'quiz.gift.trueFalseTail',
  'quiz.gift.numericFull',
  'quiz.gift.numericFormat',
  'quiz.gift.numericRange',
] as const;
export type GiftErrorKey = (typeof GIFT_ERROR_KEYS)[number];

export interface GiftError {
  line: number;
  key: GiftErrorKey;
  /** Values the message names (the offending text, cut short). */
  params: Record<string, string>;
}

export interface GiftParseResult {
  questions: GiftQuestion[];
  errors: GiftError[];
}

/** A question to export: author data as the question type stores it. */
export interface GiftExportQuestion {
  category: string[] | null;
  title?: string;
  type: string;
  points?: number;
  data: Record<string, unknown>;
}

/** A problem with one question, reported with the line where it starts. */
class GiftSyntaxError extends Error {
  constructor(
    readonly key: GiftErrorKey,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

// ---------------------------------------------------------------------------------------------
// Characters and escapes

/** Index of the first unescaped `needle` at or after `from`, or -1. */
function findUnescaped(s: string, needle: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Splits at every unescaped occurrence of one of `chars`; each part keeps its leading char. */
function splitBefore(s: string, chars: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (chars.includes(s[i]) && i > start) {
      parts.push(s.slice(start, i));
      start = i;
    }
  }
  parts.push(s.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

function unescapeGift(s: string): string {
  return s.replace(/\\(.)/gs, (_m, c: string) => (c === 'n' ? '\n' : c));
}

function escapeGift(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '\\n');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of a small piece of HTML (an option written in an `[html]` question). */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1].toLowerCase() === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Format = 'html' | 'plain';

interface Answer {
  /** `=` or `~`. */
  mark: string;
  weight: number | null;
  text: string;
  feedback?: string;
}

interface Markers {
  type?: string;
  allOrNothing: boolean;
  caseSensitive: boolean;
  points?: number;
  words?: { min?: number; max?: number };
}

export function parseGift(text: string): GiftParseResult {
  const questions: GiftQuestion[] = [];
  const errors: GiftError[] = [];
  let category: string[] | null = null;

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // The lines of the question being read (with their numbers) and its comment lines.
  let block: { text: { n: number; raw: string }[]; comments: string[] } = { text: [], comments: [] };

  const flush = () => {
    const { text: body, comments } = block;
    block = { text: [], comments: [] };
    if (body.length === 0) return;
    const first = body[0].raw.trim();
    if (first.startsWith('$CATEGORY:')) {
      category = parseCategory(first.slice('$CATEGORY:'.length));
      body.shift();
      if (body.length === 0) return;
    }
    const line = body[0].n;
    try {
      const question = parseQuestion(body.map((l) => l.raw).join('\n'), parseMarkers(comments));
      questions.push({ line, category, ...question });
    } catch (e) {
      if (!(e instanceof GiftSyntaxError)) throw e;
      errors.push({ line, key: e.key, params: e.params });
    }
  };

  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return flush();
    if (line.startsWith('//')) {
      block.comments.push(line.slice(2).trim());
      return;
    }
    // A category line ends the question before it even without a blank line.
    if (line.startsWith('$CATEGORY:') && block.text.length > 0) flush();
    block.text.push({ n: i + 1, raw });
  });
  flush();
  return { questions, errors };
}

function parseCategory(path: string): string[] | null {
  // `//` is a slash within a name; a single `/` separates names.
  const parts = (path.trim().match(/(?:[^/]|\/\/)+/g) ?? []).map((p) => p.replace(/\/\//g, '/').trim()).filter(Boolean);
  if (parts[0] && /^\$\w+\$$/.test(parts[0])) parts.shift();
  if (parts[0] === 'top') parts.shift();
  return parts.length ? parts : null;
}

function parseMarkers(comments: string[]): Markers {
  const markers: Markers = { allOrNothing: false, caseSensitive: false };
  for (const c of comments) {
    const m = /^cakap:([a-z-]+)(?:=(.*))?$/.exec(c);
    if (!m) continue;
    const [, key, value = ''] = m;
    if (key === 'type') markers.type = value.trim();
    else if (key === 'all-or-nothing') markers.allOrNothing = true;
    else if (key === 'case-sensitive') markers.caseSensitive = true;
    else if (key === 'points') {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new GiftSyntaxError('quiz.gift.badPoints', { value });
      markers.points = n;
    } else if (key === 'words') {
      const w = /^(\d*)\.\.(\d*)$/.exec(value.trim());
      if (!w) throw new GiftSyntaxError('quiz.gift.badWords', { value });
      markers.words = { min: w[1] ? Number(w[1]) : undefined, max: w[2] ? Number(w[2]) : undefined };
    }
  }
  return markers;
}

function parseQuestion(raw: string, markers: Markers): Omit<GiftQuestion, 'line' | 'category'> {
  let s = raw.trim();
  let title: string | undefined;
  if (s.startsWith('::')) {
    const end = findUnescaped(s, '::', 2);
    if (end < 0) throw new GiftSyntaxError('quiz.gift.unclosedTitle');
    title = unescapeGift(s.slice(2, end)).trim() || undefined;
    s = s.slice(end + 2).trim();
  }
  let format: Format = 'plain';
  const fm = /^\[(html|plain|moodle|markdown)\]/i.exec(s);
  if (fm) {
    format = fm[1].toLowerCase() === 'html' ? 'html' : 'plain';
    s = s.slice(fm[0].length);
  }

  const open = findUnescaped(s, '{');
  if (open < 0) throw new GiftSyntaxError('quiz.gift.noAnswerBlock');
  const close = findUnescaped(s, '}', open + 1);
  if (close < 0) throw new GiftSyntaxError('quiz.gift.unclosedBrace');
  const inner = s.slice(open + 1, close);
  if (findUnescaped(inner, '{') >= 0) throw new GiftSyntaxError('quiz.gift.unclosedBrace');
  const after = s.slice(close + 1);
  if (findUnescaped(after, '{') >= 0 || findUnescaped(after, '}') >= 0) {
    throw new GiftSyntaxError('quiz.gift.oneAnswerBlock');
  }

  const before = s.slice(0, open).trim();
  const tail = after.trim();
  const promptText = tail ? `${before} _____ ${tail}` : before;
  if (!unescapeGift(promptText).trim()) throw new GiftSyntaxError('quiz.gift.emptyPrompt');
  const prompt = toPromptHtml(promptText, format);
  const plain = (t: string) => (format === 'html' ? htmlToText(unescapeGift(t)) : unescapeGift(t)).trim();

  const generalAt = findUnescaped(inner, '####');
  const body = (generalAt >= 0 ? inner.slice(0, generalAt) : inner).trim();
  const general = generalAt >= 0 ? plain(inner.slice(generalAt + 4)) || undefined : undefined;
  const result = parseAnswers(body, markers, plain);
  const data: Record<string, unknown> = { prompt, ...result.data };
  const feedback = [result.feedback, general].filter(Boolean).join('\n');
  if (feedback) data.feedback = feedback;
  return { ...(title ? { title } : {}), type: result.type, ...(markers.points ? { points: markers.points } : {}), data };
}

function toPromptHtml(text: string, format: Format): string {
  const unescaped = unescapeGift(text).trim();
  if (format === 'html') return unescaped;
  return `<p>${escapeHtml(unescaped).replace(/\n/g, '<br>')}</p>`;
}

interface Parsed {
  type: GiftQuestionType;
  data: Record<string, unknown>;
  /** Answer feedback that belongs to the whole question (numeric). */
  feedback?: string;
}

function parseAnswers(body: string, markers: Markers, plain: (t: string) => string): Parsed {
  if (body === '') {
    const words = markers.words;
    return { type: 'essay', data: { ...(words?.min ? { minWords: words.min } : {}), ...(words?.max ? { maxWords: words.max } : {}) } };
  }
  if (body.startsWith('#')) return parseNumeric(body.slice(1).trim(), plain);
  const tf = /^(TRUE|FALSE|T|F)(?=\s*(#|$))/.exec(body);
  if (tf) return parseTrueFalse(tf[1].startsWith('T'), body.slice(tf[0].length).trim(), plain);

  const answers = splitBefore(body, '=~').map((part) => parseAnswer(part.trim(), plain));
  if (answers.length === 0 || !/^[=~]/.test(body)) throw new GiftSyntaxError('quiz.gift.answerMark');

  if (markers.type === 'ordering') {
    if (answers.some((a) => a.mark !== '=' || a.weight !== null)) throw new GiftSyntaxError('quiz.gift.orderingMark');
    return { type: 'ordering', data: { items: answers.map((a, i) => ({ id: `i${i + 1}`, text: a.text })) } };
  }
  if (answers.some((a) => a.mark === '=' && findUnescaped(a.rawText, '->') >= 0)) return parseMatching(answers, plain);
  if (answers.every((a) => a.mark === '=')) {
    if (answers.some((a) => a.weight !== null && a.weight < 100)) {
      throw new GiftSyntaxError('quiz.gift.shortAnswerWeight');
    }
    return { type: 'short_answer', data: { accepted: answers.map((a) => a.text), caseSensitive: markers.caseSensitive } };
  }
  return parseChoice(answers, markers);
}

interface RawAnswer extends Answer {
  /** The answer text before unescaping (matching looks for `->` in it). */
  rawText: string;
}

function parseAnswer(part: string, plain: (t: string) => string): RawAnswer {
  const mark = part[0];
  let rest = part.slice(1).trim();
  let weight: number | null = null;
  const w = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
  if (w) {
    weight = Number(w[1]);
    rest = rest.slice(w[0].length);
  } else if (rest.startsWith('%')) {
    throw new GiftSyntaxError('quiz.gift.badWeight', { value: rest.slice(0, 20) });
  }
  const hash = findUnescaped(rest, '#');
  const rawText = (hash >= 0 ? rest.slice(0, hash) : rest).trim();
  const feedback = hash >= 0 ? plain(rest.slice(hash + 1)) || undefined : undefined;
  return { mark, weight, text: plain(rawText), rawText, feedback };
}

function parseChoice(answers: RawAnswer[], markers: Markers): Parsed {
  if (answers.some((a) => !a.text)) throw new GiftSyntaxError('quiz.gift.emptyOption');
  const correct = (a: Answer) => a.mark === '=' || (a.weight ?? 0) > 0;
  const options = answers.map((a, i) => ({
    id: `o${i + 1}`,
    text: a.text,
    correct: correct(a),
    ...(a.feedback ? { feedback: a.feedback } : {}),
  }));
  const right = answers.filter(correct);
  if (right.length === 0) throw new GiftSyntaxError('quiz.gift.noCorrect');
  const partialWeights = right.some((a) => a.mark === '~' && (a.weight ?? 0) < 100);
  if (right.length === 1 && !partialWeights && markers.type !== 'multiple_choice') {
    return { type: 'single_choice', data: { options } };
  }
  return { type: 'multiple_choice', data: { options, partialCredit: !markers.allOrNothing } };
}

function parseMatching(answers: RawAnswer[], plain: (t: string) => string): Parsed {
  const pairs: { id: string; left: string; right: string }[] = [];
  const distractors: string[] = [];
  for (const a of answers) {
    const arrow = findUnescaped(a.rawText, '->');
    if (a.mark !== '=' || arrow < 0) throw new GiftSyntaxError('quiz.gift.matchingPair');
    const left = plain(a.rawText.slice(0, arrow));
    const right = plain(a.rawText.slice(arrow + 2));
    if (!right) throw new GiftSyntaxError('quiz.gift.matchingRight');
    if (left) pairs.push({ id: `p${pairs.length + 1}`, left, right });
    else distractors.push(right);
  }
  return { type: 'matching', data: { pairs, distractors } };
}

function parseTrueFalse(value: boolean, rest: string, plain: (t: string) => string): Parsed {
  const data: Record<string, unknown> = { correct: value };
  if (rest) {
    if (!rest.startsWith('#')) throw new GiftSyntaxError('quiz.gift.trueFalseTail');
    const second = findUnescaped(rest, '#', 1);
    const whenWrong = plain(second >= 0 ? rest.slice(1, second) : rest.slice(1)) || undefined;
    const whenRight = second >= 0 ? plain(rest.slice(second + 1)) || undefined : undefined;
    // The learner who answers `value` is right; the other answer is wrong.
    const [onTrue, onFalse] = value ? [whenRight, whenWrong] : [whenWrong, whenRight];
    if (onTrue) data.feedbackTrue = onTrue;
    if (onFalse) data.feedbackFalse = onFalse;
  }
  return { type: 'true_false', data };
}

const NUMBER = String.raw`-?(?:\d+(?:\.\d*)?|\.\d+)`;

function parseNumeric(body: string, plain: (t: string) => string): Parsed {
  // Moodle's long form: several `=` answers with weights; the full-credit one is kept.
  let spec = body;
  let feedback: string | undefined;
  if (body.startsWith('=')) {
    const full = splitBefore(body, '=')
      .map((p) => p.trim().slice(1).trim())
      .filter((p) => !p.startsWith('%') || /^%100%/.test(p))
      .map((p) => p.replace(/^%100%/, ''));
    if (full.length === 0) throw new GiftSyntaxError('quiz.gift.noCorrect');
    if (full.length > 1) throw new GiftSyntaxError('quiz.gift.numericFull');
    spec = full[0];
  }
  const hash = findUnescaped(spec, '#');
  if (hash >= 0) {
    feedback = plain(spec.slice(hash + 1)) || undefined;
    spec = spec.slice(0, hash);
  }
  spec = spec.trim();
  const tol = new RegExp(`^(${NUMBER})(?:\\s*:\\s*(${NUMBER}))?$`).exec(spec);
  const range = new RegExp(`^(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})$`).exec(spec);
  let answer: number;
  let tolerance: number;
  if (tol) {
    answer = Number(tol[1]);
    tolerance = tol[2] === undefined ? 0 : Math.abs(Number(tol[2]));
  } else if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b);
    answer = (lo + hi) / 2;
    tolerance = (hi - lo) / 2;
  } else {
    throw new GiftSyntaxError('quiz.gift.numericFormat', { value: spec.slice(0, 40) });
  }
  if (!Number.isFinite(answer) || !Number.isFinite(tolerance)) {
    throw new GiftSyntaxError('quiz.gift.numericRange', { value: spec.slice(0, 40) });
  }
  return { type: 'numeric', data: { answer, tolerance }, feedback };
}

// ---------------------------------------------------------------------------------------------
// Export

interface OptionData {
  text: string;
  correct?: boolean;
  feedback?: string;
}

/** Exports questions in GIFT, with the `cakap:` comment lines described above where needed. */
export function exportGift(questions: GiftExportQuestion[]): string {
  const out: string[] = [];
  let category: string | undefined;
  for (const q of questions) {
    const path = (q.category ?? []).map((c) => c.replace(/\//g, '//')).join('/');
    if (path !== category) {
      out.push(`$CATEGORY: $course$/top${path ? `/${path}` : ''}`, '');
      category = path;
    }
    out.push(exportQuestion(q), '');
  }
  return out.join('\n');
}

/** A number as GIFT writes it: plain decimal digits, never an exponent. */
function decimal(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}

/** Plain text placed in an `[html]` question (options, feedback): escaped for both (so a `->` in it is `-&gt;`). */
const text = (s: string) => escapeGift(escapeHtml(s));
const fb = (s: unknown) => (typeof s === 'string' && s ? `#${text(s)}` : '');

function exportQuestion(q: GiftExportQuestion): string {
  const d = q.data;
  const lines: string[] = [];
  if (q.points !== undefined) lines.push(`// cakap:points=${q.points}`);
  let answers: string;
  switch (q.type) {
    case 'single_choice':
      answers = (d.options as OptionData[]).map((o) => `${o.correct ? '=' : '~'}${text(o.text)}${fb(o.feedback)}`).join('\n');
      break;
    case 'multiple_choice': {
      const options = d.options as OptionData[];
      lines.push('// cakap:type=multiple_choice');
      if (!d.partialCredit) lines.push('// cakap:all-or-nothing');
      // Each correct option is worth 100/n; each wrong one takes as much away (as `grade` does).
      const w = Number((100 / options.filter((o) => o.correct).length).toFixed(5));
      answers = options.map((o) => `~%${o.correct ? w : -w}%${text(o.text)}${fb(o.feedback)}`).join('\n');
      break;
    }
    case 'true_false': {
      const right = d.correct ? d.feedbackTrue : d.feedbackFalse;
      const wrong = d.correct ? d.feedbackFalse : d.feedbackTrue;
      answers = `${d.correct ? 'TRUE' : 'FALSE'}${right || wrong ? `#${text(String(wrong ?? ''))}#${text(String(right ?? ''))}` : ''}`;
      break;
    }
    case 'short_answer':
      if (d.caseSensitive) lines.push('// cakap:case-sensitive');
      answers = (d.accepted as string[]).map((a) => `=${text(a)}`).join(' ');
      break;
    case 'numeric':
      answers = `#${decimal(Number(d.answer))}${Number(d.tolerance) ? `:${decimal(Number(d.tolerance))}` : ''}`;
      break;
    case 'matching':
      answers = [
        ...(d.pairs as { left: string; right: string }[]).map((p) => `=${text(p.left)} -> ${text(p.right)}`),
        ...((d.distractors as string[] | undefined) ?? []).map((r) => `= -> ${text(r)}`),
      ].join('\n');
      break;
    case 'ordering':
      lines.push('// cakap:type=ordering');
      answers = (d.items as { text: string }[]).map((i) => `=${text(i.text)}`).join('\n');
      break;
    case 'essay':
      if (d.minWords || d.maxWords) lines.push(`// cakap:words=${d.minWords ?? ''}..${d.maxWords ?? ''}`);
      answers = '';
      break;
    default:
      throw new Error(`GIFT cannot express question type ${q.type}`);
  }
  const general = typeof d.feedback === 'string' && d.feedback ? `####${text(d.feedback)}` : '';
  const title = q.title ? `::${escapeGift(q.title)}::` : '';
  const block = answers.includes('\n') ? `{\n${answers}\n${general}}` : `{${answers}${general}}`;
  lines.push(`${title}[html]${escapeGift(String(d.prompt))} ${block}`);
  return lines.join('\n');
}
