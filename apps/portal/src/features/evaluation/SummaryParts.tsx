import { List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/**
 * Pieces of the anonymous summaries that the post-course survey (level 1) and the follow-up
 * (level 3) show alike: means per dimension as a table (the chart's accessible twin) and the
 * comments of one question.
 */

/** A mean with one decimal, in the UI language's notation ("4,3" in Indonesian); '–' below the minimum. */
export function formatMean(mean: number | null, lang: 'id' | 'en'): string {
  return mean === null ? '–' : formatNumber(Math.round(mean * 10) / 10, lang);
}

export interface DimensionRow {
  key: string;
  label: string;
  mean: number | null;
  answered: number;
}

export function DimensionMeansTable({ rows, testId }: { rows: readonly DimensionRow[]; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('surveySummary.dimension')}</Table.Th>
            <Table.Th scope="col">{t('surveySummary.mean')}</Table.Th>
            <Table.Th scope="col">{t('surveySummary.answered')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.key}>
              <Table.Th scope="row" fw={400}>
                {d.label}
              </Table.Th>
              <Table.Td>{formatMean(d.mean, lang)}</Table.Td>
              <Table.Td>{formatNumber(d.answered, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One text question's comments (already anonymous and sorted by the server). */
export function CommentList({ question, comments, level = 3 }: { question: string; comments: readonly string[]; level?: 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={level} fz="h5">
        {t('surveySummary.commentsTitle')}: {question}
      </Title>
      {comments.length ? (
        <List spacing="xs">
          {comments.map((c, i) => (
            <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
              {c}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('surveySummary.noComments')}
        </Text>
      )}
    </Stack>
  );
}
