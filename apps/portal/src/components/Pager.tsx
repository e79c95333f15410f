import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/useLang';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** Names the navigation landmark, e.g. "Halaman daftar pegawai". */
  label?: string;
}

export function Pager({ page, pageSize, total, onChange, label }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.showing', { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}
      </Text>
      {pages > 1 && (
        <nav aria-label={label ?? t('common.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            size="sm"
            siblings={1}
            boundaries={1}
            getItemProps={(p) => ({ 'aria-label': t('common.page', { page: String(p) }) })}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('common.previousPage') }
                : control === 'next'
                  ? { 'aria-label': t('common.nextPage') }
                  : {}
            }
          />
        </nav>
      )}
    </Group>
  );
}
