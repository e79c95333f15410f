import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Drawer, Group, List, Paper, Progress, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconCircle, IconCircleCheckFilled, IconConfetti, IconListDetails, IconCheck } from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EnrollmentDetail, EnrollmentProgress } from '@cakap/contracts';
import { api, isApiError } from '../../api';
import { mergeProgress, useCompleteLesson, useEnrollment } from '../../api/learning';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { currentLang } from '../../i18n';
import { currentYear, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { EnrollmentContext } from '../../plugins/context';
import { SurveyCard } from '../evaluation/SurveyCard';
import { flattenLessons, LessonView } from './LessonView';
import { ProgressQueue, type ProgressBatch, type SyncStatus } from './progressQueue';

/** How long a block must be at least half on screen to count as viewed. */
const VIEW_MS = 1000;
/** At most one `watched` event per block per this many ms (the last one is kept for the lesson change). */
const WATCH_THROTTLE_MS = 3000;

function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The course player: one lesson at a time, progress recorded as the learner goes, safe offline. */
export function PlayerPage() {
  const { enrollmentId = '', lessonKey } = useParams();
  const enrollment = useEnrollment(enrollmentId);
  const { t } = useTranslation();

  if (enrollment.error) {
    return (
      <>
        <PageHeader title={t('player.outlineTitle')} before={<BackHome />} />
        <ErrorAlert error={enrollment.error} onRetry={() => void enrollment.refetch()} />
      </>
    );
  }
  if (!enrollment.data) return <PlayerSkeleton />;
  const d = enrollment.data;
  const lessons = flattenLessons(d.content);
  if (!lessonKey || !lessons.some((l) => l.key === lessonKey)) {
    const target = d.resumeLessonKey ?? lessons[0]?.key;
    if (target && target !== lessonKey) return <Navigate to={`/belajar/${d.id}/${target}`} replace />;
  }
  return <Player detail={d} lessonKey={lessonKey ?? lessons[0]?.key ?? ''} />;
}

function BackHome() {
  const { t } = useTranslation();
  return <BackLink to="/">{t('player.back')}</BackLink>;
}

function useProgressQueue(detail: EnrollmentDetail) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<SyncStatus>('saved');
  const id = detail.id;
  const queue = useMemo(
    () =>
      new ProgressQueue<EnrollmentProgress>({
        enrollmentId: id,
        storage: browserStorage(),
        send: (batch) => api.post<EnrollmentProgress>(`/enrollments/${id}/progress`, batch),
        onSent: (progress) => mergeProgress(qc, id, progress),
        onStatus: setStatus,
        isPermanent: (e) => isApiError(e) && [400, 403, 404, 422].includes(e.status),
      }),
    [id, qc],
  );
  useEffect(() => {
    queue.start();
    setStatus(queue.status);
    const online = () => queue.online();
    const keepalive = () =>
      queue.flushKeepalive((batch: ProgressBatch) => {
        const token = api.getAccessToken();
        void fetch(`/api/v1/enrollments/${id}/progress`, {
          method: 'POST',
          keepalive: true,
          headers: {
            'Content-Type': 'application/json',
            'Accept-Language': currentLang(),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(batch),
        }).catch(() => undefined);
      });
    const hidden = () => {
      if (document.visibilityState === 'hidden') keepalive();
    };
    window.addEventListener('online', online);
    window.addEventListener('pagehide', keepalive);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', keepalive);
      document.removeEventListener('visibilitychange', hidden);
      // Send what is left; no retries after leaving (the events stay stored for the next visit).
      void queue.flush();
      queue.dispose();
    };
  }, [queue, id]);
  return { queue, status };
}

function Player({ detail, lessonKey }: { detail: EnrollmentDetail; lessonKey: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { queue, status } = useProgressQueue(detail);
  const complete = useCompleteLesson(detail.id);
  const [outlineOpen, setOutlineOpen] = useState(false);
  const [pending, setPending] = useState<{ key: string; message: string }[] | null>(null);
  const lessonRef = useRef<HTMLDivElement>(null);
  const lastWatch = useRef(new Map<string, { at: number; fraction: number; sent: boolean }>());

  const lessons = flattenLessons(detail.content);
  const index = Math.max(0, lessons.findIndex((l) => l.key === lessonKey));
  const current = lessons[index];
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  const lesson = current ? detail.content.modules[current.moduleIndex].lessons[current.lessonIndex] : undefined;
  const blockState = useMemo(() => new Map(detail.blocks.map((b) => [b.key, b])), [detail.blocks]);
  const lessonState = detail.lessons.find((l) => l.key === lessonKey);
  const lessonDone = !!lessonState?.completed;

  // The lesson on screen: remembered for "continue learning"; events of the last one are sent.
  useEffect(() => {
    queue.setLesson(lessonKey);
    setPending(null);
    const watched = lastWatch.current;
    return () => {
      for (const [blockKey, w] of watched) if (!w.sent) queue.add({ blockKey, kind: 'watched', fraction: w.fraction });
      watched.clear();
      void queue.flush();
    };
  }, [lessonKey, queue]);

  // 'viewed': a block at least half on screen (or filling half the screen) for a second.
  useEffect(() => {
    const root = lessonRef.current;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    const timers = new Map<Element, ReturnType<typeof setTimeout>>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const el = entry.target as HTMLElement;
          const key = el.dataset.blockKey!;
          const viewport = entry.rootBounds?.height ?? window.innerHeight;
          const visible = entry.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= viewport * 0.5);
          if (visible && !timers.has(el)) {
            timers.set(
              el,
              setTimeout(() => {
                queue.add({ blockKey: key, kind: 'viewed' });
                observer.unobserve(el);
              }, VIEW_MS),
            );
          } else if (!visible && timers.has(el)) {
            clearTimeout(timers.get(el));
            timers.delete(el);
          }
        }
      },
      { threshold: [0, 0.25, 0.5, 0.75, 1] },
    );
    root.querySelectorAll<HTMLElement>('[data-block-key]').forEach((el) => {
      const state = blockState.get(el.dataset.blockKey!);
      if (state?.viewedAt || state?.completed) return;
      observer.observe(el);
    });
    return () => {
      observer.disconnect();
      timers.forEach((timer) => clearTimeout(timer));
    };
    // blockState changes after each acknowledged batch; observing again is harmless (events merge).
  }, [lessonKey, queue, blockState]);

  const onProgress = useCallback(
    (blockKey: string, fraction: number) => {
      const now = Date.now();
      const w = lastWatch.current.get(blockKey);
      if (w && fraction <= w.fraction) return;
      if (!w || now - w.at >= WATCH_THROTTLE_MS || fraction >= 0.99) {
        queue.add({ blockKey, kind: 'watched', fraction: Math.min(1, Math.max(0, fraction)) });
        lastWatch.current.set(blockKey, { at: now, fraction, sent: true });
      } else {
        lastWatch.current.set(blockKey, { ...w, fraction, sent: false });
      }
    },
    [queue],
  );
  const onComplete = useCallback(
    (blockKey: string) => {
      queue.add({ blockKey, kind: 'completed' });
    },
    [queue],
  );

  const onMarkDone = async () => {
    setPending(null);
    await queue.flush();
    try {
      await complete.mutateAsync(lessonKey);
      if (next) navigate(`/belajar/${detail.id}/${next.key}`);
    } catch (e) {
      if (isApiError(e) && e.status === 409 && e.errors.length > 0) {
        setPending(e.errors.map((err) => ({ key: err.field.replace(/^blocks\./, ''), message: err.message })));
      }
    }
  };

  const percent = detail.progress.percent;
  const hrefFor = (key: string) => `/belajar/${detail.id}/${key}`;
  const completedLessons = new Set(detail.lessons.filter((l) => l.completed).map((l) => l.key));

  return (
    <Stack gap="md" maw={760} w="100%">
      <PageHeader title={detail.meta.title} before={<BackHome />} />

      {detail.status === 'completed' && <CompletionPanel jp={detail.course.jp} completedAt={detail.completedAt} />}
      {detail.status === 'completed' && <SurveyCard enrollmentId={detail.id} />}

      <Paper withBorder p="sm" radius="md">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {t('player.courseProgress', { percent: formatNumber(percent, lang) })}
            </Text>
            <Button variant="light" size="compact-md" mih={40} leftSection={<IconListDetails size={16} aria-hidden />} onClick={() => setOutlineOpen(true)}>
              {t('player.outline')}
            </Button>
          </Group>
          <Progress value={percent} size="md" aria-label={t('player.courseProgressLabel')} />
          <Text size="xs" c="dimmed">
            {t('player.lessonPosition', { current: String(index + 1), total: String(lessons.length) })}
          </Text>
        </Stack>
      </Paper>

      <Box ref={lessonRef}>
        <EnrollmentContext.Provider value={detail.id}>
          <LessonView
            content={detail.content}
            fileUrls={detail.fileUrls}
            lessonKey={lessonKey}
            hrefFor={hrefFor}
            onComplete={onComplete}
            onProgress={onProgress}
            toc={false}
            pager={false}
          />
        </EnrollmentContext.Provider>
      </Box>

      {pending && pending.length > 0 && (
        <Alert color="orange" title={t('player.pendingTitle')} role="alert">
          <Text size="sm">{t('player.pendingIntro')}</Text>
          <List size="sm" mt={4}>
            {pending.map((p) => {
              const bi = lesson?.blocks.findIndex((b) => b.key === p.key) ?? -1;
              const type = bi >= 0 ? lesson!.blocks[bi].type : p.key;
              return (
                <List.Item key={p.key}>
                  {t('player.blockLabel', { n: String(bi + 1), type })}: {p.message}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
      {complete.error && !(isApiError(complete.error) && complete.error.status === 409) && <ErrorAlert error={complete.error} />}

      {lessonDone ? (
        <Group gap={6}>
          <IconCheck size={18} aria-hidden color="var(--mantine-color-green-9)" />
          <Text size="sm" fw={600}>
            {t('player.lessonCompleted')}
          </Text>
        </Group>
      ) : (
        <Button variant="outline" onClick={() => void onMarkDone()} loading={complete.isPending} w="fit-content" leftSection={<IconCheck size={16} aria-hidden />}>
          {t('player.complete')}
        </Button>
      )}

      <Group justify="space-between" gap="sm" component="nav" aria-label={t('lesson.pager')}>
        {prev ? (
          <Button component={Link} to={hrefFor(prev.key)} variant="default" leftSection={<IconChevronLeft size={16} aria-hidden />}>
            {t('player.previous')}
          </Button>
        ) : (
          <span />
        )}
        {next ? (
          <Button component={Link} to={hrefFor(next.key)} rightSection={<IconChevronRight size={16} aria-hidden />}>
            {t('player.next')}
          </Button>
        ) : (
          <span />
        )}
      </Group>

      <SyncIndicator status={status} />

      <Drawer opened={outlineOpen} onClose={() => setOutlineOpen(false)} title={t('player.outlineTitle')} position="left" size="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <nav aria-label={t('lesson.tocLabel')}>
          <Stack gap="md">
            {detail.content.modules.map((m, mi) => {
              const mp = detail.modules.find((x) => x.key === m.key);
              return (
                <Box key={m.key}>
                  <Text fw={700} size="sm">
                    {t('lesson.module', { n: String(mi + 1) })}: {m.title}
                  </Text>
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('player.moduleProgress', { done: String(mp?.completedLessons ?? 0), total: String(mp?.totalLessons ?? m.lessons.length) })}
                  </Text>
                  <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
                    {m.lessons.map((l) => {
                      const active = l.key === lessonKey;
                      const done = completedLessons.has(l.key);
                      return (
                        <li key={l.key}>
                          <UnstyledButton
                            component={Link}
                            to={hrefFor(l.key)}
                            onClick={() => setOutlineOpen(false)}
                            aria-current={active ? 'page' : undefined}
                            py={8}
                            px={4}
                            style={{ display: 'flex', gap: 8, alignItems: 'center', minHeight: 44, borderRadius: 6, background: active ? 'var(--mantine-color-cakap-light)' : undefined }}
                          >
                            {done ? <IconCircleCheckFilled size={18} color="var(--mantine-color-green-8)" aria-hidden /> : <IconCircle size={18} color="var(--mantine-color-gray-6)" aria-hidden />}
                            <Text size="sm" fw={active ? 700 : 400}>
                              {l.title}
                              <span className="visually-hidden"> ({done ? t('player.lessonDone') : t('player.lessonNotDone')})</span>
                            </Text>
                          </UnstyledButton>
                        </li>
                      );
                    })}
                  </Stack>
                </Box>
              );
            })}
          </Stack>
        </nav>
      </Drawer>
    </Stack>
  );
}

function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const text = status === 'offline' ? t('player.offline') : status === 'pending' ? t('player.saving') : t('player.saved');
  return (
    <Text size="sm" c={status === 'offline' ? 'orange.9' : 'dimmed'} role="status" aria-live="polite" data-sync={status}>
      {text}
    </Text>
  );
}

function CompletionPanel({ jp, completedAt }: { jp: number; completedAt: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const year = completedAt ? currentYear(new Date(completedAt)) : currentYear();
  return (
    <Paper withBorder p="lg" radius="md" bg="var(--mantine-color-green-light)" component="section" aria-labelledby="course-done">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconConfetti size={28} aria-hidden color="var(--mantine-color-green-9)" />
          <Title order={2} fz="h3" id="course-done">
            {t('player.doneTitle')}
          </Title>
        </Group>
        <Text>{t('player.doneText', { jp: formatNumber(jp, lang), year: String(year) })}</Text>
        <Group gap="sm">
          <Button component={Link} to={`/jp?year=${year}`}>
            {t('player.doneHistory')}
          </Button>
          <Button component={Link} to="/" variant="default">
            {t('player.doneHome')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PlayerSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={760} aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      <Skeleton height={32} width="60%" />
      <Skeleton height={56} />
      <Skeleton height={24} width="40%" />
      <Skeleton height={160} />
    </Stack>
  );
}
