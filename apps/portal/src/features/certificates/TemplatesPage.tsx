import { useQueryClient } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CertificateTemplate } from '@cakap/contracts';
import { api } from '../../api';
import { certificateKeys, useDeleteTemplate, useTemplates, useTemplateTypes } from '../../api/certificates';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyBlock } from '../../components/EmptyBlock';
import { useErrorMessage } from '../../components/ErrorAlert';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useDeleteDialog } from '../../hooks/useDeleteDialog';
import { useListParams } from '../../hooks/useListParams';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

const PAGE_SIZE = 20;

/** The certificate templates: a used one cannot be deleted (its certificates name it), only archived. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { q, page, params, update, setFilter } = useListParams();
  const archived = params.get('archived') === 'true';
  const query = useTemplates({ q: q || undefined, page, pageSize: PAGE_SIZE, archived });
  const types = useTemplateTypes();
  const remove = useDeleteTemplate();
  const dialog = useDeleteDialog<CertificateTemplate>(remove, (tpl) => t('certificates.templates.deleted', { name: tpl.name }));
  const items = query.data?.items ?? [];
  const typeTitle = (key: string) => types.data?.find((ty) => ty.key === key)?.title[lang] ?? key;

  const setArchived = async (tpl: CertificateTemplate, value: boolean) => {
    try {
      await api.patch(`/certificate-templates/${tpl.id}`, { archived: value });
      await queryClient.invalidateQueries({ queryKey: certificateKeys.templates });
      notifications.show({ color: 'green', message: t(value ? 'certificates.templates.archived' : 'certificates.templates.restored', { name: tpl.name }) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  return (
    <>
      <PageHeader
        title={t('certificates.templates.title')}
        description={t('certificates.templates.intro')}
        actions={
          <Button component={Link} to="/admin/certificate-templates/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('certificates.templates.create')}
          </Button>
        }
      />
      <Group mb="md" align="flex-end" gap="sm">
        <SearchField label={t('certificates.templates.search')} value={q} onChange={(v) => update({ q: v || undefined, page: undefined })} />
        <Switch label={t('certificates.templates.showArchived')} checked={archived} onChange={(e) => setFilter('archived', e.currentTarget.checked ? 'true' : undefined)} />
      </Group>
      <ListState
        query={query}
        isEmpty={items.length === 0}
        empty={
          <EmptyBlock
            icon={<IconTemplate size={26} />}
            message={q || archived ? t('common.nothingFound') : t('certificates.templates.empty')}
          />
        }
      >
        <ListTable
          caption={t('certificates.templates.title')}
          minWidth={720}
          busy={query.isFetching}
          withActions
          columns={[
            { label: t('certificates.templates.name') },
            { label: t('certificates.templates.type'), hideOnPhone: true },
            { label: t('certificates.templates.pattern'), hideOnPhone: true },
            { label: t('certificates.templates.issued'), numeric: true },
          ]}
        >
          {items.map((tpl) => (
            <Table.Tr key={tpl.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text component={Link} to={`/admin/certificate-templates/${tpl.id}`} fw={500} c="cakap.8" td="underline">
                    {tpl.name}
                  </Text>
                  {tpl.isDefault && (
                    <Badge variant="outline" color="cakap.8" size="sm">
                      {t('certificates.templates.default')}
                    </Badge>
                  )}
                  {tpl.archived && (
                    <Badge variant="outline" color="gray.7" size="sm">
                      {t('certificates.templates.archivedBadge')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td visibleFrom="sm">{typeTitle(tpl.templateKey)}</Table.Td>
              <Table.Td visibleFrom="sm">
                <Text ff="monospace" size="sm">
                  {tpl.numberPattern}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(tpl.issuedCount, lang)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('certificates.templates.editNamed', { name: tpl.name })} onClick={() => navigate(`/admin/certificate-templates/${tpl.id}`)}>
                    <IconPencil size={18} aria-hidden />
                  </ActionIcon>
                  {tpl.issuedCount > 0 || tpl.archived ? (
                    <ActionIcon
                      variant="subtle"
                      aria-label={t(tpl.archived ? 'certificates.templates.restoreNamed' : 'certificates.templates.archiveNamed', { name: tpl.name })}
                      onClick={() => void setArchived(tpl, !tpl.archived)}
                    >
                      {tpl.archived ? <IconArchiveOff size={18} aria-hidden /> : <IconArchive size={18} aria-hidden />}
                    </ActionIcon>
                  ) : (
                    <ActionIcon variant="subtle" color="red.9" aria-label={t('certificates.templates.deleteNamed', { name: tpl.name })} onClick={() => dialog.ask(tpl)}>
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(p) => update({ page: String(p) })} />}
      </ListState>
      <ConfirmModal {...dialog.modalProps} title={t('certificates.templates.deleteTitle')} confirmLabel={t('common.delete')}>
        {t('certificates.templates.deleteText', { name: dialog.deleting?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
