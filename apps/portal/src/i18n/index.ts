import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '@cakap/contracts';
import id from './id';
import en from './en';

export const LANG_STORAGE_KEY = 'cakap.lang';

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export const resources = { id: { translation: id }, en: { translation: en } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: typeof window === 'undefined' ? 'id' : storedLang(),
  fallbackLng: 'id',
  supportedLngs: ['id', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
  showSupportNotice: false,
});

function syncDocument(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
syncDocument(currentLang());
i18n.on('languageChanged', (lng) => syncDocument(lng === 'en' ? 'en' : 'id'));

/** The language the UI (and every API call) uses now. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'id';
}

/** Switches the UI language and remembers it on this device. */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* storage disabled: the choice lasts until reload */
  }
  await i18n.changeLanguage(lang);
}

export default i18n;
