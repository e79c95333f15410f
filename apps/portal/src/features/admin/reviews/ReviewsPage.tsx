import { Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCourses } from '../../../api/courses';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { formatStamp } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { CourseStatusLine } from '../../studio/CourseStatusBadge';

const PAGE_SIZE = 20;

/** Courses waiting for review, oldest first as the api lists them. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useCourses({ status: 'in_review', page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('reviews.title')} description={t('reviews.intro')} />
      <Stack gap="md">
        {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isPending ? (
          <Skeleton height={72} aria-busy="true" />
        ) : items.length === 0 && !list.error ? (
          <EmptyBlock message={t('reviews.empty')} />
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('reviews.title')}>
            {items.map((c) => (
              <li key={c.id}>
                <Card withBorder padding="md">
                  <Stack gap={4}>
                    <Text component={Link} to={`/admin/reviews/${c.id}`} fw={600} fz="lg" c="cakap.8" style={{ textDecoration: 'underline' }}>
                      {c.title}
                    </Text>
                    <CourseStatusLine course={c} />
                    <Group gap="xs">
                      <Text size="xs" c="dimmed">
                        {t('reviews.by', { names: c.authors.map((a) => a.name).join(', ') })} · {formatStamp(c.updatedAt, lang)} · {c.jp} JP
                      </Text>
                    </Group>
                  </Stack>
                </Card>
              </li>
            ))}
          </Stack>
        )}
        {list.data && list.data.total > 0 && (
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => setParams(p > 1 ? { page: String(p) } : {})} />
        )}
      </Stack>
    </>
  );
}
