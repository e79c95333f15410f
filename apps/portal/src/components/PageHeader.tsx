import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from './usePageTitle';

interface Props {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Above the title (breadcrumbs, back link). */
  before?: ReactNode;
}

/** The page's one h1, its description and main actions; also sets the document title. */
export function PageHeader({ title, description, actions, before }: Props) {
  usePageTitle(title);
  return (
    <Stack gap="xs" mb="lg">
      {before}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
