import { Badge, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function StudioPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('studio.title')} />
      <Paper withBorder p="xl" maw={640}>
        <Stack align="flex-start" gap="sm">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
            <IconPencil size={26} />
          </ThemeIcon>
          <Badge color="cakap" variant="outline">
            {t('studio.comingSoon')}
          </Badge>
          <Text>{t('studio.text')}</Text>
        </Stack>
      </Paper>
    </>
  );
}
