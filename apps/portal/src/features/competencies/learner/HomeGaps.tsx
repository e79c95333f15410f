import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyCompetencies } from '../../../api/myCompetencies';
import { GapBadge } from './GapBadge';
import { biggestGaps, summarize } from './profileView';

const SHOWN = 3;

/** Beranda's glance at "Kompetensi saya": the biggest gaps and the way to the full page. */
export function HomeGaps() {
  const { t } = useTranslation();
  const profile = useMyCompetencies();
  const link = (
    <Anchor component={Link} to="/kompetensi" size="sm" w="fit-content">
      {t('homeGaps.link')}
    </Anchor>
  );
  // A failure here is not worth an alert on Beranda: the full page explains it.
  if (profile.isPending) return <Skeleton height={56} />;
  if (!profile.data) return link;
  const { standing } = summarize(profile.data);
  const gaps = biggestGaps(profile.data.profile, SHOWN);
  return (
    <>
      {standing === 'short' ? (
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {gaps.map((r) => (
            <Group component="li" key={r.competencyId} justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" fw={500}>
                {r.code} {r.name}
              </Text>
              <GapBadge row={r} />
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm">{standing === 'allMet' ? t('homeGaps.none') : t('homeGaps.noStandard')}</Text>
      )}
      {link}
    </>
  );
}
