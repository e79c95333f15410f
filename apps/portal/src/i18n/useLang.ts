import { useTranslation } from 'react-i18next';
import type { Lang } from '@cakap/contracts';

/** The current UI language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}
