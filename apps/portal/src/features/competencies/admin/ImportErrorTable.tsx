import { Alert, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListTable } from '../../../components/ListTable';

/**
 * The outcome of a failed all-or-nothing import: one row per problem (`row 5`,
 * `CFItems[2].humanCodingScheme`) under a clear "nothing was imported"; any other failure
 * (wrong file type, too large) as a plain alert.
 */
export function ImportErrorTable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isApiError(error) || error.errors.length === 0) return <ErrorAlert error={error} />;
  return (
    <Stack gap="xs">
      <Alert color="red" role="alert" title={t('competencyAdmin.importer.failedTitle')}>
        {t('competencyAdmin.importer.failed', { count: error.errors.length })}
      </Alert>
      <ListTable
        caption={t('competencyAdmin.importer.errorsCaption')}
        minWidth={0}
        columns={[{ label: t('competencyAdmin.importer.where'), width: 160 }, { label: t('competencyAdmin.importer.problem') }]}
      >
        {error.errors.map((e, i) => (
          <Table.Tr key={`${e.field}-${i}`}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.field}</Table.Td>
            <Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
