import { Box, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconListDetails } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseContent } from '@cakap/contracts';
import { BlockViewer } from '../../plugins';
import { BlockKeyContext } from '../../plugins/context';
import { useLang } from '../../i18n/useLang';

export interface FlatLesson {
  key: string;
  title: string;
  moduleKey: string;
  moduleTitle: string;
  moduleIndex: number;
  lessonIndex: number;
}

/** Lessons in reading order. */
export function flattenLessons(content: CourseContent): FlatLesson[] {
  return content.modules.flatMap((m, mi) =>
    m.lessons.map((l, li) => ({ key: l.key, title: l.title, moduleKey: m.key, moduleTitle: m.title, moduleIndex: mi, lessonIndex: li })),
  );
}

interface Props {
  content: CourseContent;
  fileUrls: Record<string, string>;
  /** The lesson to show; the first one when absent or unknown. */
  lessonKey?: string;
  /** Navigation by links (a route per lesson) ... */
  hrefFor?: (lessonKey: string) => string;
  /** ... or by callback (a lesson kept in state). */
  onSelect?: (lessonKey: string) => void;
  onComplete?: (blockKey: string) => void;
  onProgress?: (blockKey: string, fraction: number) => void;
  /** Heading level of the lesson title (the page's h1 is usually the course). */
  headingLevel?: 2 | 3;
  /** Show the folding table of contents and the previous/next pager (default true; the player has its own). */
  toc?: boolean;
  pager?: boolean;
}

/**
 * A lesson as the learner sees it: the table of contents (modules → lessons), the lesson's
 * blocks rendered by their plugin Viewers, and previous/next. Phone first: one column, the
 * table of contents folds. Used by the studio preview, the admin review and the player.
 */
export function LessonView({ content, fileUrls, lessonKey, hrefFor, onSelect, onComplete, onProgress, headingLevel = 2, toc = true, pager = true }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const lessons = flattenLessons(content);
  if (lessons.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text>{t('lesson.noLessons')}</Text>
      </Paper>
    );
  }
  const index = Math.max(0, lessons.findIndex((l) => l.key === lessonKey));
  const current = lessons[index];
  const lesson = content.modules[current.moduleIndex].lessons[current.lessonIndex];
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  const fileUrl = (id: string) => fileUrls[id];

  const go = (l: FlatLesson, children: React.ReactNode, props: Record<string, unknown> = {}) =>
    hrefFor ? (
      <Button component={Link} to={hrefFor(l.key)} {...props}>
        {children}
      </Button>
    ) : (
      <Button onClick={() => onSelect?.(l.key)} {...props}>
        {children}
      </Button>
    );

  return (
    <Stack gap="md" maw={760} w="100%">
      {toc && (
      <details>
        <summary style={{ cursor: 'pointer', minHeight: 44, display: 'flex', alignItems: 'center', gap: 8 }}>
          <IconListDetails size={18} aria-hidden />
          <Text span fw={600}>
            {t('lesson.toc', { current: String(index + 1), total: String(lessons.length) })}
          </Text>
        </summary>
        <nav aria-label={t('lesson.tocLabel')}>
          <Stack gap="xs" mt="xs">
            {content.modules.map((m, mi) => (
              <Box key={m.key}>
                <Text fw={700} size="sm">
                  {t('lesson.module', { n: String(mi + 1) })}: {m.title}
                </Text>
                <Stack gap={2} component="ol" style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {m.lessons.map((l) => {
                    const active = l.key === current.key;
                    const label = <Text size="sm" fw={active ? 700 : 400} td={active ? undefined : 'underline'}>{l.title}</Text>;
                    return (
                      <li key={l.key}>
                        {hrefFor ? (
                          <UnstyledButton component={Link} to={hrefFor(l.key)} aria-current={active ? 'page' : undefined} py={4}>
                            {label}
                          </UnstyledButton>
                        ) : (
                          <UnstyledButton onClick={() => onSelect?.(l.key)} aria-current={active ? 'step' : undefined} py={4}>
                            {label}
                          </UnstyledButton>
                        )}
                      </li>
                    );
                  })}
                </Stack>
              </Box>
            ))}
          </Stack>
        </nav>
      </details>
      )}

      <article aria-labelledby={`lesson-${current.key}`}>
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {t('lesson.module', { n: String(current.moduleIndex + 1) })}: {current.moduleTitle}
            </Text>
            <Title order={headingLevel} id={`lesson-${current.key}`} fz="h2">
              {lesson.title}
            </Title>
          </div>
          {lesson.blocks.length === 0 && <Text c="dimmed">{t('lesson.noBlocks')}</Text>}
          {lesson.blocks.map((b) => (
            <Box key={b.key} data-block-type={b.type} data-block-key={b.key}>
              <BlockKeyContext.Provider value={b.key}>
                <BlockViewer
                  type={b.type}
                  data={b.data}
                  lang={lang}
                  fileUrl={fileUrl}
                  onComplete={() => onComplete?.(b.key)}
                  onProgress={(f) => onProgress?.(b.key, f)}
                />
              </BlockKeyContext.Provider>
            </Box>
          ))}
        </Stack>
      </article>

      {pager && (
        <Group justify="space-between" gap="sm" component="nav" aria-label={t('lesson.pager')}>
          {prev ? go(prev, t('lesson.previous'), { variant: 'default', leftSection: <IconChevronLeft size={16} aria-hidden /> }) : <span />}
          {next ? go(next, t('lesson.next'), { rightSection: <IconChevronRight size={16} aria-hidden /> }) : <span />}
        </Group>
      )}
    </Stack>
  );
}
