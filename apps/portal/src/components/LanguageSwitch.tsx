import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { useLang } from '../i18n/useLang';

/** One button that switches between Bahasa Indonesia and English. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const next = lang === 'id' ? 'en' : 'id';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconLanguage size={16} aria-hidden />}
      onClick={() => void setLanguage(next)}
      lang={next}
      title={t('lang.switchToHint')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
