import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNip, type CourseWithContent } from '@cakap/contracts';
import { hasRole, useSession } from '../../api/session';
import { useAddCoauthor, useCoauthorCandidates, useRemoveCoauthor } from '../../api/courses';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The course's authors. The owner (and admins) add co-authors found by name or NIP through
 * the course's candidate lookup, and remove them; co-authors see the list.
 */
export function CoauthorsPanel({ course }: { course: CourseWithContent }) {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const isOwner = course.authors.some((a) => a.role === 'owner' && a.id === session.user?.id);
  const add = useAddCoauthor(course.id);
  const remove = useRemoveCoauthor(course.id);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [picked, setPicked] = useState<string | null>(null);
  const canManage = isOwner || isAdmin;
  const candidates = useCoauthorCandidates(course.id, debounced || undefined, canManage);
  const options = (candidates.data ?? []).map((u) => ({ value: u.id, label: `${u.name} — ${formatNip(u.nip)}` }));

  return (
    <Stack gap="md" maw={720}>
      <Title order={2} fz="h4">
        {t('coauthors.title')}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {course.authors.map((a) => (
          <Paper withBorder p="sm" key={a.id} component="li">
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs">
                <Text fw={500}>{a.name}</Text>
                <Badge variant="light" color={a.role === 'owner' ? 'cakap' : 'gray'}>
                  {t(`coauthors.${a.role}`)}
                </Badge>
              </Group>
              {a.role === 'coauthor' && (isOwner || isAdmin) && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('coauthors.remove', { name: a.name })}
                  loading={remove.isPending && remove.variables === a.id}
                  onClick={() => remove.mutate(a.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {canManage ? (
        <Group align="flex-end" gap="sm">
          <Select
            label={t('coauthors.search')}
            placeholder={t('common.typeToSearch')}
            searchable
            data={options}
            value={picked}
            onChange={setPicked}
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={t('common.nothingFound')}
            filter={({ options: o }) => o}
            style={{ flex: '1 1 18rem' }}
          />
          <Button
            leftSection={<IconUserPlus size={16} aria-hidden />}
            disabled={!picked}
            loading={add.isPending}
            onClick={() => picked && add.mutate(picked, { onSuccess: () => setPicked(null) })}
          >
            {t('coauthors.add')}
          </Button>
        </Group>
      ) : (
        <Alert variant="light" color="gray">
          <Text size="sm">{t('coauthors.adminOnly')}</Text>
        </Alert>
      )}
      {add.error ? <ErrorAlert error={add.error} /> : null}
    </Stack>
  );
}
