import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A crash in a screen (or a chunk that failed to load on a weak connection). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Paper withBorder p="xl" maw={560} mx="auto" mt="xl" role="alert">
      <Stack gap="sm">
        <Title order={1}>Cakap</Title>
        <Text>{t('errors.unexpected')}</Text>
        <Button onClick={() => window.location.reload()} w="fit-content">
          {t('common.retry')}
        </Button>
      </Stack>
    </Paper>
  );
}
