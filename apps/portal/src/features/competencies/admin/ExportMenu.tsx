import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FrameworkSummary } from '@cakap/contracts';
import { exportFramework } from '../../../api/competencies';
import { useErrorMessage } from '../../../components/ErrorAlert';

interface Props<F extends string> {
  label: string;
  /** The formats offered, each with its menu text. */
  formats: readonly { format: F; label: string }[];
  download: (format: F) => Promise<void>;
  /** A fuller name where several menus share a screen (it starts with the visible label). */
  ariaLabel?: string;
  size?: 'xs' | 'sm';
}

/** An "Ekspor" button with one item per file format; a failed download says why in a notification. */
export function ExportMenu<F extends string>({ label, formats, download, ariaLabel, size = 'sm' }: Props<F>) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const run = async (format: F) => {
    setBusy(true);
    try {
      await download(format);
    } catch (e) {
      notifications.show({ color: 'red', title: t('competencyAdmin.framework.exportFailed'), message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} aria-label={ariaLabel} loading={busy} leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map((f) => (
          <Menu.Item key={f.format} onClick={() => void run(f.format)}>
            {f.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A framework as CSV or CASE JSON (its page and each row of the list). */
export function FrameworkExport({ framework, size }: { framework: Pick<FrameworkSummary, 'id' | 'name'>; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <ExportMenu
      label={t('competencyAdmin.framework.export')}
      ariaLabel={`${t('competencyAdmin.framework.export')} ${framework.name}`}
      size={size}
      formats={[
        { format: 'csv' as const, label: t('competencyAdmin.framework.exportCsv') },
        { format: 'case' as const, label: t('competencyAdmin.framework.exportCase') },
      ]}
      download={(format) => exportFramework(framework, format)}
    />
  );
}
