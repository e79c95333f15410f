import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, parseRetryAfter, problemFromResponse, REFRESH_TOKEN_KEY, type KeyValueStorage } from './client';

const user = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  nip: '198001012005011001',
  name: 'Admin',
  email: null,
  phone: null,
  golongan: null,
  asnType: 'pns',
  orgUnit: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae8', code: 'BKPSDMD', name: 'BKPSDMD' },
  position: null,
  roles: ['admin'],
  active: true,
  hasPassword: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

function problem(status: number, code: string, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json(status, { type: `https://cakap.id/problems/${code}`, title, status, code, requestId: 'req-1', ...extra }, headers);
}

function memory(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('problem parsing', () => {
  it('reads a problem+json into a typed ApiError with field errors and Retry-After', async () => {
    const res = problem(
      400,
      'validation_failed',
      'Data yang dikirim belum benar',
      {
        detail: 'Periksa kolom yang ditandai',
        errors: [
          { field: 'nip', code: 'nip.birthDate', message: 'Tanggal lahir pada NIP (digit 1–8) tidak valid' },
          { field: 'nip', code: 'nip.format', message: 'second message for the same field' },
          { field: 'orgUnitId', code: 'validation.required', message: 'Wajib diisi' },
        ],
      },
      { 'Retry-After': '30' },
    );
    const err = await problemFromResponse(res, 'id');
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation_failed');
    expect(err.title).toBe('Data yang dikirim belum benar');
    expect(err.detail).toBe('Periksa kolom yang ditandai');
    expect(err.requestId).toBe('req-1');
    expect(err.retryAfter).toBe(30);
    expect(err.fieldErrors).toEqual({
      nip: 'Tanggal lahir pada NIP (digit 1–8) tidak valid',
      orgUnitId: 'Wajib diisi',
    });
    expect(err.errors).toHaveLength(3);
  });

  it('words a non-problem failure (a proxy 502 page) in the requested language', async () => {
    const res = new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } });
    const err = await problemFromResponse(res, 'en');
    expect(err.code).toBe('service_unavailable');
    expect(err.title).toMatch(/unavailable/i);
  });

  it('fills a lockout message with Retry-After when the body is not a full problem', async () => {
    const res = json(429, { message: 'slow down' }, { 'Retry-After': '42' });
    const err = await problemFromResponse(res, 'id');
    expect(err.code).toBe('too_many_attempts');
    expect(err.retryAfter).toBe(42);
    expect(err.title).toContain('42');
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = Date.parse('2026-11-28T08:00:00Z');
    expect(parseRetryAfter('Sat, 28 Nov 2026 08:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('requests', () => {
  it('sends the bearer token, Accept-Language and query, and skips empty query values', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { items: [], total: 0, page: 1, pageSize: 20 }));
    const client = createApiClient({ fetch, storage: memory(), getLang: () => 'en' });
    fetch.mockResolvedValueOnce(json(200, { accessToken: 'A1', refreshToken: 'R1', expiresIn: 900, user }));
    await client.login('198001012005011001', 'admin12345');
    await client.get('/users', { q: 'siti', page: 2, role: undefined, orgUnitId: '' });
    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe('/api/v1/users?q=siti&page=2');
    const headers = init!.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer A1');
    expect(headers['Accept-Language']).toBe('en');
  });

  it('turns a network failure into ApiError status 0 without losing the session', async () => {
    const storage = memory({ [REFRESH_TOKEN_KEY]: 'R1' });
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = createApiClient({ fetch, storage, getLang: () => 'id' });
    await expect(client.get('/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('R1');
  });
});

describe('refresh on 401', () => {
  it('makes concurrent 401s share ONE refresh call, then retries each request with the new token', async () => {
    const storage = memory({ [REFRESH_TOKEN_KEY]: 'R1' });
    let refreshCalls = 0;
    let releaseRefresh!: () => void;
    const refreshGate = new Promise<void>((r) => (releaseRefresh = r));
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      if (String(url).endsWith('/auth/refresh')) {
        refreshCalls++;
        expect(JSON.parse(String(init!.body))).toEqual({ refreshToken: 'R1' });
        await refreshGate;
        return json(200, { accessToken: 'A2', refreshToken: 'R2', expiresIn: 900, user });
      }
      if (headers.Authorization !== 'Bearer A2') return problem(401, 'unauthenticated', 'Silakan masuk terlebih dahulu');
      return json(200, { ok: String(url) });
    });
    const client = createApiClient({ fetch, storage, getLang: () => 'id' });

    const calls = [client.get('/users'), client.get('/org-units'), client.get('/positions')];
    await tick();
    releaseRefresh();
    const results = await Promise.all(calls);

    expect(refreshCalls).toBe(1);
    expect(results).toEqual([{ ok: '/api/v1/users' }, { ok: '/api/v1/org-units' }, { ok: '/api/v1/positions' }]);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('R2');
    expect(client.getSession()).toMatchObject({ status: 'authenticated', user: { nip: user.nip } });
  });

  it('does not refresh again for a 401 that answers a request sent before the last refresh', async () => {
    const storage = memory({ [REFRESH_TOKEN_KEY]: 'R1' });
    let refreshCalls = 0;
    let slowReply!: (r: Response) => void;
    const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      if (String(url).endsWith('/auth/refresh')) {
        refreshCalls++;
        return json(200, { accessToken: `A${refreshCalls + 1}`, refreshToken: `R${refreshCalls + 1}`, expiresIn: 900, user });
      }
      if (String(url).endsWith('/slow') && !headers.Authorization) {
        return new Promise<Response>((r) => (slowReply = r));
      }
      if (headers.Authorization === 'Bearer A2') return json(200, { ok: true });
      return problem(401, 'unauthenticated', 'Silakan masuk terlebih dahulu');
    });
    const client = createApiClient({ fetch, storage });
    const slow = client.get('/slow'); // sent with no token
    await tick();
    await client.get('/fast'); // 401 -> refresh -> A2
    slowReply(problem(401, 'unauthenticated', 'Silakan masuk terlebih dahulu'));
    await expect(slow).resolves.toEqual({ ok: true });
    expect(refreshCalls).toBe(1);
  });

  it('ends the session when the refresh token is rejected, and reports why', async () => {
    const storage = memory({ [REFRESH_TOKEN_KEY]: 'R1' });
    const fetch = vi.fn(async (url: RequestInfo | URL) => {
      if (String(url).endsWith('/auth/refresh')) {
        return problem(401, 'refresh_reused', 'Sesi ini dipakai di tempat lain dan telah diakhiri demi keamanan. Silakan masuk kembali.');
      }
      return problem(401, 'unauthenticated', 'Silakan masuk terlebih dahulu');
    });
    const client = createApiClient({ fetch, storage });
    await expect(client.get('/me')).rejects.toMatchObject({ code: 'refresh_reused' });
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(client.getSession().status).toBe('anonymous');
    expect(client.getSession().endedReason).toMatch(/dipakai di tempat lain/);
  });

  it('does not treat a wrong current password as an expired session', async () => {
    const storage = memory({ [REFRESH_TOKEN_KEY]: 'R1' });
    const fetch = vi.fn(async () => problem(401, 'invalid_credentials', 'NIP atau kata sandi salah'));
    const client = createApiClient({ fetch, storage });
    await expect(client.post('/me/password', { currentPassword: 'x', newPassword: 'abcdefg1' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('R1');
  });

  it('restores a stored session once even when asked twice at start-up (React StrictMode)', async () => {
    const storage = memory({ [REFRESH_TOKEN_KEY]: 'R1' });
    const fetch = vi.fn(async () => json(200, { accessToken: 'A2', refreshToken: 'R2', expiresIn: 900, user }));
    const client = createApiClient({ fetch, storage });
    await Promise.all([client.restore(), client.restore()]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(client.getSession().status).toBe('authenticated');
  });

  it('logs out: forgets the tokens and tells the server', async () => {
    const storage = memory();
    const fetch = vi.fn(async (url: RequestInfo | URL) =>
      String(url).endsWith('/auth/login')
        ? json(200, { accessToken: 'A1', refreshToken: 'R1', expiresIn: 900, user })
        : new Response(null, { status: 204 }),
    );
    const client = createApiClient({ fetch, storage });
    await client.login('198001012005011001', 'admin12345');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('R1');
    await client.logout();
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(client.getSession().status).toBe('anonymous');
    const [url, init] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/logout');
    expect(JSON.parse(String(init.body))).toEqual({ refreshToken: 'R1' });
  });
});
