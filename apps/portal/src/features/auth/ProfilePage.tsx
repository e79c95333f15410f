import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNip } from '@cakap/contracts';
import { useMe } from '../../api/auth';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

export function ProfilePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const me = useMe();
  const user = me.data ?? session.user!;
  const notSet = (
    <Text span c="dimmed" fs="italic">
      {t('profile.notSet')}
    </Text>
  );
  const rows: [string, React.ReactNode][] = [
    [t('profile.name'), user.name],
    [t('profile.nip'), <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNip(user.nip)}</span>],
    [t('profile.asnType'), t(`asnType.${user.asnType}`)],
    [t('profile.golongan'), user.golongan || notSet],
    [t('profile.orgUnit'), `${user.orgUnit.name} (${user.orgUnit.code})`],
    [t('profile.position'), user.position ? `${user.position.name} · ${t(`positionKind.${user.position.kind}`)}` : notSet],
    [t('profile.email'), user.email || notSet],
    [t('profile.phone'), user.phone || notSet],
    [
      t('profile.roles'),
      <Group gap={6}>
        {user.roles.map((r) => (
          <Badge key={r} variant="outline" color="cakap">
            {t(`roles.${r}`)}
          </Badge>
        ))}
      </Group>,
    ],
    [t('profile.lastLogin'), user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang) : notSet],
  ];
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={720}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md" m={0}>
          {rows.map(([label, value]) => (
            <Stack key={label} gap={2}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={500}>
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Paper>
    </>
  );
}
