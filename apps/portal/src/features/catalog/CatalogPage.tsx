import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Image, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconBooks, IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '@cakap/contracts';
import { useCatalog, useCatalogCategories } from '../../api/courses';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useIsPhone } from '../../components/useIsPhone';
import { useListParams } from '../../hooks/useListParams';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { isJpRange, JP_RANGES, useFormatDuration } from './format';
import classes from './catalog.module.css';

const PAGE_SIZE = 12;

/** Katalog: published courses with search, filters (category, language, JP) and paging. */
export function CatalogPage() {
  const { t } = useTranslation();
  const { params, q, page, update, setFilter, clear } = useListParams();
  const isPhone = useIsPhone();

  const category = params.get('category') ?? '';
  const languageParam = params.get('language');
  const language = languageParam === 'id' || languageParam === 'en' ? languageParam : undefined;
  const jpParam = params.get('jp');
  const jp = isJpRange(jpParam) ? jpParam : undefined;

  const list = useCatalog({
    q: q || undefined,
    category: category || undefined,
    language,
    ...(jp ? JP_RANGES[jp] : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const activeFilters = [category, language, jp].filter(Boolean).length;
  // On a phone the filters fold behind a button (open when some are set); wider screens show them.
  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0);
  const showFilters = !isPhone || filtersOpen;
  const categories = useCatalogCategories(showFilters);

  const filtered = !!(q || activeFilters);
  const items = list.data?.items ?? [];
  const categoryOptions = [...(categories.data ?? [])];
  if (category && !categoryOptions.some((c) => c.toLowerCase() === category.toLowerCase())) categoryOptions.push(category);

  return (
    <>
      <PageHeader title={t('catalog.title')} description={t('catalog.intro')} />
      <Stack gap="md">
        <Stack gap="sm" role="search" aria-label={t('catalog.filters')}>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <SearchField
              label={t('catalog.searchLabel')}
              placeholder={t('catalog.searchPlaceholder')}
              value={q}
              onChange={(v) => setFilter('q', v)}
            />
            {isPhone && (
              <Button
                variant={activeFilters ? 'light' : 'default'}
                leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
                aria-expanded={showFilters}
                aria-controls="catalog-filters"
                onClick={() => setFiltersOpen((o) => !o)}
                style={{ flexShrink: 0 }}
              >
                {activeFilters ? t('catalog.showFiltersActive', { n: String(activeFilters) }) : t('catalog.showFilters')}
              </Button>
            )}
          </Group>
          {showFilters && (
            <SimpleGrid id="catalog-filters" cols={{ base: 1, xs: 3 }} spacing="sm" maw={{ sm: 720 }}>
              <Select
                label={t('catalog.category')}
                data={[{ value: '', label: t('catalog.allCategories') }, ...categoryOptions.map((c) => ({ value: c, label: c }))]}
                value={category}
                allowDeselect={false}
                onChange={(v) => setFilter('category', v)}
              />
              <Select
                label={t('catalog.language')}
                data={[
                  { value: '', label: t('catalog.allLanguages') },
                  { value: 'id', label: t('languages.id') },
                  { value: 'en', label: t('languages.en') },
                ]}
                value={language ?? ''}
                allowDeselect={false}
                onChange={(v) => setFilter('language', v)}
              />
              <Select
                label={t('catalog.jp')}
                data={[
                  { value: '', label: t('catalog.allJp') },
                  ...Object.keys(JP_RANGES).map((r) => ({ value: r, label: t(`catalog.jpRange.${r as keyof typeof JP_RANGES}`) })),
                ]}
                value={jp ?? ''}
                allowDeselect={false}
                onChange={(v) => setFilter('jp', v)}
              />
            </SimpleGrid>
          )}
        </Stack>

        <ListState
          query={list}
          isEmpty={items.length === 0}
          skeleton={<CatalogSkeleton />}
          empty={
            <EmptyBlock
              icon={<IconBooks size={26} />}
              message={filtered ? t('catalog.emptyFiltered') : t('catalog.empty')}
              action={
                filtered ? (
                  <Button variant="default" onClick={clear}>
                    {t('catalog.clearFilters')}
                  </Button>
                ) : undefined
              }
            />
          }
        >
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="md"
            component="ul"
            className={classes.list}
            aria-label={t('catalog.list')}
            aria-busy={list.isFetching && list.isPlaceholderData ? 'true' : undefined}
          >
            {items.map((c) => (
              <li key={c.id}>
                <CourseCard course={c} />
              </li>
            ))}
          </SimpleGrid>
        </ListState>
        {list.data && list.data.total > 0 && (
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            label={t('catalog.pagination')}
            onChange={(p) => update({ page: p > 1 ? String(p) : undefined })}
          />
        )}
      </Stack>
    </>
  );
}

function CourseCard({ course: c }: { course: CatalogItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const duration = useFormatDuration()(c.durationMinutes);
  return (
    <Card withBorder padding="md" radius="md" h="100%" className={classes.card}>
      {c.coverUrl && (
        <Card.Section>
          {/* Decorative: the title next to it names the course. */}
          <Image src={c.coverUrl} alt="" h={140} fit="cover" loading="lazy" />
        </Card.Section>
      )}
      <Stack gap={6} mt={c.coverUrl ? 'sm' : 0} style={{ flex: 1 }}>
        <Title order={2} fz="h4" lh={1.3}>
          <Anchor component={Link} to={`/katalog/${c.id}`} c="cakap.8" className={classes.cardLink}>
            {c.title}
          </Anchor>
        </Title>
        {c.summary && (
          <Text size="sm" lineClamp={3}>
            {c.summary}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          <Badge variant="light" size="lg" tt="none">
            {t('catalog.jpValue', { jp: formatNumber(c.jp, lang) })}
          </Badge>
          {duration && (
            <Group gap={4} wrap="nowrap">
              <IconClockHour4 size={16} aria-hidden />
              <Text size="sm">
                <span className="visually-hidden">{t('catalog.durationLabel', { duration })}</span>
                <span aria-hidden>{duration}</span>
              </Text>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('catalog.counts', { modules: formatNumber(c.moduleCount, lang), lessons: formatNumber(c.lessonCount, lang) })}
        </Text>
        {c.authors.length > 0 && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {t('catalog.by', { names: c.authors.map((a) => a.name).join(', ') })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function CatalogSkeleton() {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      {[0, 1, 2].map((i) => (
        <Card key={i} withBorder padding="md" radius="md">
          <Stack gap="xs">
            <Skeleton height={22} width="80%" />
            <Skeleton height={12} />
            <Skeleton height={12} width="90%" />
            <Skeleton height={24} width="40%" mt={4} />
            <Skeleton height={12} width="60%" />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
