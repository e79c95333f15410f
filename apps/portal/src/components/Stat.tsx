import { Paper, Text } from '@mantine/core';

/** One figure of a job's progress (rows created, certificates issued, ...), with its label. */
export function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}
