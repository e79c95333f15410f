import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useErrorMessage } from './ErrorAlert';

type Format = 'csv' | 'xlsx';

/**
 * "Download ▾" with Excel and CSV, for a page's header: busy while the file is prepared, and a
 * failed download said in a notification (the page itself stays as it was).
 */
export function ExportMenu({ label, hint, onExport }: { label: string; hint: string; onExport: (format: Format) => Promise<void> }) {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const run = async (format: Format) => {
    setBusy(true);
    try {
      await onExport(format);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" loading={busy} leftSection={<IconFileExport size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{hint}</Menu.Label>
        <Menu.Item onClick={() => void run('xlsx')}>Excel (.xlsx)</Menu.Item>
        <Menu.Item onClick={() => void run('csv')}>CSV</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
