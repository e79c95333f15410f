import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import '../../i18n';
import '../../test/domShims';

/** The api as the report screens see it: each call answered by `answer(url)` (status, body). */
export function fakeApi(answer: (url: URL, init: RequestInit | undefined) => { status: number; body: unknown; headers?: Record<string, string> }) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://portal.test');
    const { status, body, headers } = answer(url, init);
    const isJson = typeof body !== 'string' && !(body instanceof Blob);
    const contentType = status >= 400 ? 'application/problem+json' : isJson ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
    return new Response(isJson ? JSON.stringify(body) : (body as BodyInit), { status, headers: { 'Content-Type': contentType, ...headers } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Renders the routes at `path` with a fresh query cache (no retries: an error shows at once). */
export function renderAt(path: string, routes: RouteObject[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <Notifications />
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return router;
}
