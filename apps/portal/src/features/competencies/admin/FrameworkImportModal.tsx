import { useState } from 'react';
import { Button, FileInput, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FRAMEWORK_FORMATS, type FrameworkFormat } from '@cakap/contracts';
import { useImportFramework } from '../../../api/competencies';
import { ImportErrorTable } from './ImportErrorTable';

const ACCEPT: Record<FrameworkFormat, string> = { csv: '.csv,text/csv', case: '.json,application/json' };

/** Imports a framework from CSV or CASE JSON (all or nothing); a good file opens the new draft. */
export function FrameworkImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const importFramework = useImportFramework();
  const [format, setFormat] = useState<FrameworkFormat>('csv');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    try {
      const tree = await importFramework.mutateAsync({ file, format });
      notifications.show({ color: 'green', message: t('competencyAdmin.importer.done', { name: tree.name, count: tree.competencyCount }) });
      onClose();
      navigate(`/admin/competencies/${tree.id}`);
    } catch {
      // listed below
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('competencyAdmin.importer.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">{t('competencyAdmin.importer.intro')}</Text>
          <Radio.Group
            label={t('competencyAdmin.importer.format')}
            value={format}
            onChange={(v) => {
              setFormat(v as FrameworkFormat);
              importFramework.reset();
            }}
          >
            <Stack gap="xs" mt={6}>
              {FRAMEWORK_FORMATS.map((f) => (
                <Radio key={f} value={f} label={t(`competencyAdmin.importer.formats.${f}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <FileInput
            label={t('competencyAdmin.importer.file')}
            placeholder={t('competencyAdmin.importer.filePlaceholder')}
            required
            accept={ACCEPT[format]}
            value={file}
            error={missingFile && !file ? t('competencyAdmin.importer.pickFile') : undefined}
            onChange={(f) => {
              setFile(f);
              setMissingFile(false);
              importFramework.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <ImportErrorTable error={importFramework.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconFileUpload size={16} aria-hidden />} loading={importFramework.isPending}>
              {t('competencyAdmin.importer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
