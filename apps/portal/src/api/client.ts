/**
 * The portal's one API client: a small fetch wrapper around `/api/v1`.
 *
 * - sends `Authorization: Bearer <access token>` and `Accept-Language` on every call, so
 *   server messages (problem+json `title`/`detail`, import row errors) come back in the
 *   language the user reads;
 * - on a 401 it refreshes the session once and retries; concurrent 401s share ONE refresh
 *   call (refresh tokens rotate: a second call with the same token would end the session);
 * - turns every failure into an {@link ApiError} with `status`, `code`, `fieldErrors` and
 *   `retryAfter`.
 *
 * The access token lives in memory only; the refresh token also in localStorage so a
 * reload keeps the session. Across tabs, refreshes are serialised with a Web Lock and always
 * use the newest stored refresh token.
 */
import type { ErrorCode as ErrorCodeType, FieldError, Lang, Me, TokenResponse } from '@cakap/contracts';

// The contracts package (and zod with it) is loaded only when an error needs words: the
// learner's first screen stays small. The codes below are checked against contracts' type.
const loadContracts = () => import('@cakap/contracts');
const ErrorCode = {
  ValidationFailed: 'validation_failed',
  Unauthenticated: 'unauthenticated',
  InvalidCredentials: 'invalid_credentials',
  AccountInactive: 'account_inactive',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  NipLocked: 'nip_locked',
  TooManyAttempts: 'too_many_attempts',
  ServiceUnavailable: 'service_unavailable',
  Internal: 'internal',
} as const satisfies Record<string, ErrorCodeType>;

export const REFRESH_TOKEN_KEY = 'cakap.refreshToken';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  /** A JSON value, FormData (multipart) or a string/Blob sent as `contentType`. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Send the access token and refresh on 401 (default true). */
  auth?: boolean;
}

/** Codes the client itself produces (the api never sends these). */
export const ClientErrorCode = {
  Network: 'network_error',
} as const;

const networkMessages: Record<Lang, string> = {
  id: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi. Tidak ada data yang hilang.',
  en: 'Cannot reach the server. Check your internet connection and try again. No data was lost.',
};

export interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string;
  type?: string;
  requestId?: string;
  errors?: FieldError[];
  retryAfter?: number;
}

/** Any failed call: an RFC 9457 problem from the api, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly requestId?: string;
  /** Field errors as the api sent them. */
  readonly errors: FieldError[];
  /** The first message per field (`nip`, `orgUnitId`, ...). */
  readonly fieldErrors: Record<string, string>;
  /** Seconds from the `Retry-After` header (423/429/503). */
  readonly retryAfter?: number;

  constructor(init: ApiErrorInit) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    const fieldErrors: Record<string, string> = {};
    for (const e of this.errors) {
      if (!(e.field in fieldErrors)) fieldErrors[e.field] = e.message;
    }
    this.fieldErrors = fieldErrors;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** `Retry-After: 120` or an HTTP date -> whole seconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 423:
      return ErrorCode.NipLocked;
    case 429:
      return ErrorCode.TooManyAttempts;
    case 502:
    case 503:
    case 504:
      return ErrorCode.ServiceUnavailable;
    default:
      return ErrorCode.Internal;
  }
}

/**
 * Reads a failed response into an ApiError. A proper problem+json is taken as it is; anything
 * else (a proxy's HTML 502, a half-shaped body) still gets a code and a message in `lang`.
 */
export async function problemFromResponse(res: Response, lang: Lang): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  let body: unknown;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const { problemSchema, t: serverMessage } = await loadContracts();
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) {
    const p = parsed.data;
    return new ApiError({
      status: res.status,
      code: p.code,
      title: p.title,
      detail: p.detail,
      type: p.type,
      requestId: p.requestId,
      errors: p.errors,
      retryAfter,
    });
  }
  // Lenient fallback: take what is there.
  const loose = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const code = str(loose.code) ?? codeForStatus(res.status);
  const requestId = str(loose.requestId) ?? res.headers.get('X-Request-Id') ?? undefined;
  const errors = Array.isArray(loose.errors)
    ? (loose.errors as unknown[]).flatMap((e) => {
        const o = e as Record<string, unknown>;
        return o && typeof o.field === 'string' && typeof o.message === 'string'
          ? [{ field: o.field, code: typeof o.code === 'string' ? o.code : 'invalid', message: o.message }]
          : [];
      })
    : undefined;
  return new ApiError({
    status: res.status,
    code,
    title:
      str(loose.title) ??
      serverMessage(code, lang, { seconds: retryAfter ?? '…', requestId: requestId ?? '-', limit: '', reason: '' }),
    detail: str(loose.detail),
    type: str(loose.type),
    requestId,
    errors,
    retryAfter,
  });
}

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous';
export interface SessionState {
  status: SessionStatus;
  user: Me | null;
  /** Why the session ended without the user asking (expired, reused elsewhere). */
  endedReason?: string;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface LockLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  storage?: KeyValueStorage | null;
  getLang?: () => Lang;
  /** Cross-tab serialisation of refreshes (navigator.locks); optional. */
  locks?: LockLike | null;
}

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface Download {
  blob: Blob;
  fileName: string | null;
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const fetchImpl: typeof fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const storage = options.storage ?? memoryStorage();
  const getLang = options.getLang ?? (() => 'id' as Lang);
  const locks = options.locks ?? null;

  let accessToken: string | null = null;
  let state: SessionState = { status: 'loading', user: null };
  const listeners = new Set<() => void>();
  let refreshing: Promise<TokenResponse> | null = null;

  function setState(next: SessionState) {
    state = next;
    for (const l of listeners) l();
  }

  function applyTokens(tokens: TokenResponse) {
    accessToken = tokens.accessToken;
    storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    setState({ status: 'authenticated', user: tokens.user });
  }

  /** Forgets the session in this tab (no server call). */
  function endSession(reason?: string) {
    accessToken = null;
    storage.removeItem(REFRESH_TOKEN_KEY);
    setState({ status: 'anonymous', user: null, endedReason: reason });
  }

  async function send(method: string, path: string, opts: RequestOptions, token: string | null): Promise<Response> {
    const lang = getLang();
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json;q=0.9, */*;q=0.5',
      'Accept-Language': lang,
    };
    if (token && opts.auth !== false) headers.Authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (opts.body instanceof FormData) {
      body = opts.body;
    } else if (typeof opts.body === 'string' || opts.body instanceof Blob) {
      body = opts.body;
      headers['Content-Type'] = opts.contentType ?? 'text/plain';
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await fetchImpl(baseUrl + path + buildQuery(opts.query), {
        method,
        headers,
        body,
        signal: opts.signal,
      });
    } catch (e) {
      if ((e as { name?: string })?.name === 'AbortError') throw e;
      throw new ApiError({ status: 0, code: ClientErrorCode.Network, title: networkMessages[lang] });
    }
    if (!res.ok) throw await problemFromResponse(res, lang);
    return res;
  }

  async function doRefresh(): Promise<TokenResponse> {
    const run = async () => {
      const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
      if (!refreshToken) {
        const { t: serverMessage } = await loadContracts();
        const err = new ApiError({
          status: 401,
          code: ErrorCode.Unauthenticated,
          title: serverMessage(ErrorCode.Unauthenticated, getLang()),
        });
        endSession();
        throw err;
      }
      try {
        const res = await send('POST', '/auth/refresh', { body: { refreshToken }, auth: false }, null);
        const tokens = (await res.json()) as TokenResponse;
        applyTokens(tokens);
        return tokens;
      } catch (e) {
        // A rejected refresh token ends the session; a network failure does not.
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 429) {
          endSession(e.detail || e.title);
        }
        throw e;
      }
    };
    return locks ? locks.request('cakap-refresh', run) : run();
  }

  /** Refreshes the session; concurrent callers share one call. */
  function refresh(): Promise<TokenResponse> {
    if (!refreshing) {
      refreshing = doRefresh().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  async function raw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const usedToken = accessToken;
    try {
      return await send(method, path, opts, usedToken);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401 || opts.auth === false) throw e;
      // A wrong current password (change-password) is not an expired session.
      if (e.code === ErrorCode.InvalidCredentials || e.code === ErrorCode.AccountInactive) throw e;
      if (!storage.getItem(REFRESH_TOKEN_KEY)) {
        if (state.status === 'authenticated') endSession(e.detail || e.title);
        throw e;
      }
      // Someone else may have refreshed while this call was in flight: then just retry.
      if (accessToken === usedToken || refreshing) await refresh();
      return send(method, path, opts, accessToken);
    }
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await raw(method, path, opts);
    if (res.status === 204 || res.status === 205) return undefined as T;
    const text = await res.text();
    if (!text) return undefined as T;
    const type = res.headers.get('Content-Type') ?? '';
    if (type.includes('json')) return JSON.parse(text) as T;
    return text as T;
  }

  return {
    request,
    get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) =>
      request<T>('GET', path, { ...opts, query }),
    post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
    put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
    patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
    delete: <T = void>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
    /** Multipart upload of one file. */
    upload: <T>(path: string, file: Blob, fileName: string, field = 'file') => {
      const form = new FormData();
      form.append(field, file, fileName);
      return request<T>('POST', path, { body: form });
    },
    /**
     * A file behind auth (CSV template, archives): the body and its file name. POST with a JSON
     * body for files made from unsaved input (a certificate template's preview).
     */
    async download(path: string, query?: Query, post?: { body: unknown; signal?: AbortSignal }): Promise<Download> {
      const res = await raw(post ? 'POST' : 'GET', path, { query, body: post?.body, signal: post?.signal });
      return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('Content-Disposition')) };
    },

    // ------------------------------------------------------------ session
    async login(nip: string, password: string): Promise<TokenResponse> {
      const res = await send('POST', '/auth/login', { body: { nip, password }, auth: false }, null);
      const tokens = (await res.json()) as TokenResponse;
      applyTokens(tokens);
      return tokens;
    },
    /** Ends the session on the server (refreshing first if needed), then here, whatever happens. */
    async logout(): Promise<void> {
      const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
      try {
        if (refreshToken) await raw('POST', '/auth/logout', { body: { refreshToken } });
      } catch {
        // The session is gone locally either way; the server expires it on its own.
      } finally {
        endSession();
      }
    },
    refresh,
    /** At start-up: resume the stored session, if any. */
    async restore(): Promise<void> {
      if (!storage.getItem(REFRESH_TOKEN_KEY)) {
        setState({ status: 'anonymous', user: null });
        return;
      }
      try {
        await refresh();
      } catch (e) {
        // Offline or server down: say so on the login screen (the stored token is kept).
        if (state.status !== 'anonymous') {
          setState({ status: 'anonymous', user: null, endedReason: e instanceof ApiError ? e.detail || e.title : undefined });
        }
      }
    },
    /** Another tab signed out (its storage event): follow it. */
    syncFromStorage(key: string | null) {
      if ((key === REFRESH_TOKEN_KEY || key === null) && !storage.getItem(REFRESH_TOKEN_KEY)) {
        if (state.status === 'authenticated') endSession();
      }
    },
    setUser(user: Me) {
      if (state.status === 'authenticated') setState({ ...state, user });
    },
    applyTokens,
    getSession: () => state,
    getAccessToken: () => accessToken,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
