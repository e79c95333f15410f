import { createApiClient } from './client';
import { currentLang } from '../i18n';

function browserStorage() {
  try {
    const probe = '__cakap_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null; // private mode or storage disabled: the session lasts until reload
  }
}

/** The app's client instance. */
export const api = createApiClient({
  baseUrl: '/api/v1',
  storage: browserStorage(),
  getLang: currentLang,
  locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null,
});

export { ApiError, isApiError, ClientErrorCode } from './client';
export type { SessionState, Download } from './client';
