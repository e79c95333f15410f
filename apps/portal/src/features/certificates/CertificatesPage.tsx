import { useState } from 'react';
import { Button, Group, Select, Table, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_STATUSES, type CatalogItem, type Certificate, type CertificateListQuery, type CertificateStatus } from '@cakap/contracts';
import { exportCertificates, useCertificates } from '../../api/certificates';
import { useCatalog } from '../../api/courses';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useListParams } from '../../hooks/useListParams';
import { useRemoteSelect } from '../../hooks/useRemoteSelect';
import { currentYear, formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CertificateDrawer } from './CertificateDrawer';
import { CertificateStatusBadge } from './CertificateStatusBadge';
import { ExportMenu } from '../../components/ExportMenu';

const PAGE_SIZE = 20;
const useCourseSearch = (q: string | undefined, enabled: boolean) => useCatalog({ q, pageSize: 20 }, enabled);
const courseLabel = (c: CatalogItem) => c.title;

/** Every certificate issued: search, filters, the SIASN export, and revoke or reissue one. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { q, page, params, update, setFilter } = useListParams();
  const filters: Partial<CertificateListQuery> = {
    q: q || undefined,
    courseId: params.get('courseId') ?? undefined,
    orgUnitId: params.get('orgUnitId') ?? undefined,
    status: (params.get('status') as CertificateStatus | null) ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
  };
  const query = useCertificates({ ...filters, page, pageSize: PAGE_SIZE });
  const items = query.data?.items ?? [];
  const [open, setOpen] = useState<Certificate | null>(null);
  const courseSelect = useRemoteSelect<CatalogItem>({
    value: filters.courseId ?? null,
    onChange: (id) => setFilter('courseId', id),
    labelOf: courseLabel,
    useSearch: useCourseSearch,
  });
  const thisYear = currentYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  return (
    <>
      <PageHeader
        title={t('certificates.admin.title')}
        description={t('certificates.admin.intro')}
        actions={
          <ExportMenu label={t('certificates.admin.export')} hint={t('certificates.admin.exportHint')} onExport={(format) => exportCertificates(format, filters)} />
        }
      />
      <Group mb="md" align="flex-end" gap="sm">
        <SearchField label={t('certificates.admin.search')} placeholder={t('certificates.admin.searchPlaceholder')} value={q} onChange={(v) => update({ q: v || undefined, page: undefined })} />
        <Select label={t('certificates.course')} searchable clearable {...courseSelect} w={240} />
        <OrgUnitSelect label={t('certificates.orgUnit')} value={filters.orgUnitId ?? null} onChange={(id) => setFilter('orgUnitId', id)} w={240} />
        <Select
          label={t('certificates.statusLabel')}
          data={[{ value: '', label: t('certificates.allStatuses') }, ...CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`certificates.status.${s}`) }))]}
          value={filters.status ?? ''}
          onChange={(v) => setFilter('status', v)}
          allowDeselect={false}
          w={160}
        />
        <Select
          label={t('certificates.year')}
          data={[{ value: '', label: t('certificates.allYears') }, ...years]}
          value={filters.year ? String(filters.year) : ''}
          onChange={(v) => setFilter('year', v)}
          allowDeselect={false}
          w={130}
        />
      </Group>
      <ListState query={query} isEmpty={items.length === 0} empty={<EmptyBlock icon={<IconCertificate size={26} />} message={q || params.size ? t('common.nothingFound') : t('certificates.admin.empty')} />}>
        <ListTable
          caption={t('certificates.admin.title')}
          minWidth={820}
          busy={query.isFetching}
          columns={[
            { label: t('certificates.number') },
            { label: t('certificates.name') },
            { label: t('certificates.course'), hideOnPhone: true },
            { label: t('certificates.issuedAt'), hideOnPhone: true },
            { label: t('certificates.statusLabel') },
          ]}
        >
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" px={0} ff="monospace" onClick={() => setOpen(c)} aria-label={t('certificates.admin.openNamed', { number: c.number, name: c.recipient.name })}>
                  {c.number}
                </Button>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.recipient.name}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {c.recipient.nip}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{c.courseTitle}</Table.Td>
              <Table.Td visibleFrom="sm">{formatDate(c.issuedAt, lang)}</Table.Td>
              <Table.Td>
                <CertificateStatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(p) => update({ page: String(p) })} />}
      </ListState>
      {open && <CertificateDrawer certificate={open} onClose={() => setOpen(null)} onShow={setOpen} />}
    </>
  );
}
