import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronLeft, IconChevronRight, IconClock, IconFlag, IconFlagFilled, IconSend } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Attempt, SaveAnswersResult } from '@cakap/contracts';
import { api, isApiError } from '../../api';
import { useSubmitAttempt } from '../../api/quiz';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { QuestionAnswer } from '../../plugins';
import { AnswerQueue, type AnswerSyncStatus } from './answerQueue';
import { navigatorItems, openQuestions, type NavItem } from './navigator';
import { AttemptHeader } from './QuizFacts';
import { clockOffset, crossedThreshold, formatRemaining, remainingMs } from './timer';

function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** How often the page asks for the result while the server grades a timed-out attempt. */
const POLL_MS = 3000;

interface Props {
  attempt: Attempt;
  /** When the attempt arrived (device clock), to correct the timer by `serverNow`. */
  receivedAt: number;
  back: ReactNode;
  onRefetch: () => void;
}

/**
 * Answering an open attempt: one question at a time (phone first), the navigator, flags, the
 * server-corrected countdown, autosave through {@link AnswerQueue} (nothing the learner did
 * is lost across reloads or a dropped connection), and submission. When time runs out the
 * answers freeze, the attempt is submitted with what was saved, and the result follows.
 */
export function QuizPlayer({ attempt, receivedAt, back, onRefetch }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const submit = useSubmitAttempt();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<AnswerSyncStatus>('saved');
  const [clock, setClock] = useState(() => ({ offset: clockOffset(attempt.serverNow, receivedAt), deadlineAt: attempt.deadlineAt }));

  const queue = useMemo(
    () =>
      new AnswerQueue({
        attemptId: attempt.id,
        storage: browserStorage(),
        send: async (body) => {
          const saved = await api.put<SaveAnswersResult>(`/attempts/${attempt.id}/answers`, body);
          // Each save tells the server's time again: the countdown stays honest over a long quiz.
          setClock({ offset: clockOffset(saved.savedAt, Date.now()), deadlineAt: saved.deadlineAt });
          return saved;
        },
        onStatus: setStatus,
        isClosed: (e) => isApiError(e) && e.status === 409,
        isPermanent: (e) => isApiError(e) && [400, 403, 404, 422].includes(e.status),
      }),
    [attempt.id],
  );

  // The api's answers, with what this device has not delivered yet on top (it is newer).
  const [answers, setAnswers] = useState<Record<number, unknown>>(() => {
    const map: Record<number, unknown> = {};
    for (const it of attempt.items) map[it.slot] = it.answer ?? undefined;
    for (const p of queue.pending()) map[p.slot] = p.answer ?? undefined;
    return map;
  });
  const [flags, setFlags] = useState<Record<number, boolean>>(() => {
    const map: Record<number, boolean> = {};
    for (const it of attempt.items) map[it.slot] = it.flagged;
    for (const p of queue.pending()) map[p.slot] = p.flagged;
    return map;
  });

  useEffect(() => {
    queue.start();
    setStatus(queue.status);
    const online = () => queue.online();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      void queue.flush();
      queue.dispose();
    };
  }, [queue]);

  // The question on screen lives in the URL (?soal=3): a reload comes back to it.
  const index = Math.min(attempt.items.length - 1, Math.max(0, (Number(params.get('soal')) || 1) - 1));
  const item = attempt.items[index];
  const go = (i: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('soal', String(i + 1));
        return next;
      },
      { replace: true },
    );
  const questionRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Focus follows the learner to the new question (not on the first render).
    if (moved.current) questionRef.current?.focus();
    moved.current = true;
  }, [index]);

  // ---------------------------------------------------------------- the clock
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!clock.deadlineAt) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [clock.deadlineAt]);
  const remaining = remainingMs(clock.deadlineAt, clock.offset, now);
  const timeUp = remaining === 0 || status === 'closed';
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<number | null>(null);
  useEffect(() => {
    if (remaining === null) return;
    const crossed = crossedThreshold(previous.current, remaining);
    if (crossed) setAnnouncement(t('quiz.timer.left', { count: crossed }));
    previous.current = remaining;
  }, [remaining, t]);

  // ---------------------------------------------------------------- time up: the server grades what was saved
  // The page sends what it still holds (refused past the deadline: the server keeps what was
  // saved in time) and submits; the server records it as submitted by the deadline. If the
  // page cannot (offline, tab asleep), the worker grades the attempt on its own, so the page
  // also asks for the result until it is there.
  const [waitingForGrade, setWaitingForGrade] = useState(false);
  const submitRef = useRef(submit.mutateAsync);
  submitRef.current = submit.mutateAsync;
  useEffect(() => {
    if (!timeUp || waitingForGrade) return;
    setWaitingForGrade(true);
    setAnnouncement(t('quiz.timer.up'));
    void queue
      .flush()
      .catch(() => undefined)
      .then(() => submitRef.current(attempt.id))
      .catch(() => undefined);
  }, [timeUp, waitingForGrade, queue, t, attempt.id]);
  const refetch = useRef(onRefetch);
  refetch.current = onRefetch;
  useEffect(() => {
    if (!waitingForGrade) return;
    const id = setInterval(() => refetch.current(), POLL_MS);
    return () => clearInterval(id);
  }, [waitingForGrade]);

  // ---------------------------------------------------------------- answering
  const setAnswer = useCallback(
    (slot: number, answer: unknown) => {
      if (timeUp) return;
      setAnswers((prev) => ({ ...prev, [slot]: answer }));
      queue.set(slot, answer, !!flags[slot]);
    },
    [queue, flags, timeUp],
  );
  const toggleFlag = (slot: number) => {
    if (timeUp) return;
    const flagged = !flags[slot];
    setFlags((prev) => ({ ...prev, [slot]: flagged }));
    queue.set(slot, answers[slot], flagged);
  };

  const nav = navigatorItems(
    attempt.items.map((i) => i.slot),
    answers,
    flags,
    item?.slot ?? -1,
  );

  // ---------------------------------------------------------------- submitting
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const onSubmit = async () => {
    setSubmitError(null);
    const delivered = await queue.flush();
    if (!delivered && queue.status !== 'closed') {
      setSubmitError(new Error('offline'));
      return;
    }
    try {
      await submit.mutateAsync(attempt.id);
      queue.clear();
    } catch (e) {
      if (isApiError(e) && e.status === 409) onRefetch();
      else setSubmitError(e);
    }
  };
  const open = openQuestions(nav);

  if (!item) return <AttemptHeader attempt={attempt} back={back} />;

  return (
    <Stack gap="md" maw={760} w="100%">
      <AttemptHeader attempt={attempt} back={back} />

      <Paper withBorder p="sm" radius="md" style={{ position: 'sticky', top: 64, zIndex: 2 }}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          {remaining !== null ? (
            <Group gap={6} wrap="nowrap" data-testid="quiz-timer">
              <IconClock size={18} aria-hidden />
              <Text fw={700} size="lg" ff="monospace" c={remaining <= 60_000 ? 'red.9' : undefined} role="timer" aria-label={t('quiz.timer.label', { time: formatRemaining(remaining) })}>
                {formatRemaining(remaining)}
              </Text>
              <Text size="sm" c="dimmed" aria-hidden>
                {t('quiz.timer.caption')}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('quiz.timer.untimed')}
            </Text>
          )}
          <SaveStatus status={status} timeUp={timeUp} />
        </Group>
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </div>
      </Paper>

      {timeUp && (
        <Alert color="orange" title={t('quiz.timeUpTitle')} role="alert">
          <Text size="sm">{t('quiz.timeUpGrading')}</Text>
        </Alert>
      )}

      <Navigator items={nav} onGo={go} />

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="quiz-question">
        <Stack gap="md">
          <Group justify="space-between" gap="xs" align="flex-start">
            <Title order={2} fz="h3" id="quiz-question" ref={questionRef} tabIndex={-1}>
              {t('quiz.questionOf', { n: String(index + 1), total: String(attempt.items.length) })}
            </Title>
            <Badge variant="outline" tt="none">
              {t('quiz.points', { count: item.points, points: formatNumber(item.points, lang) })}
            </Badge>
          </Group>
          <QuestionAnswer
            key={item.slot}
            type={item.type}
            view={item.view}
            answer={answers[item.slot] ?? undefined}
            onChange={(a) => setAnswer(item.slot, a)}
            readOnly={timeUp}
            lang={lang}
            idPrefix={`q${item.slot}`}
          />
          <Button
            variant={flags[item.slot] ? 'filled' : 'default'}
            aria-pressed={!!flags[item.slot]}
            leftSection={flags[item.slot] ? <IconFlagFilled size={16} aria-hidden /> : <IconFlag size={16} aria-hidden />}
            onClick={() => toggleFlag(item.slot)}
            disabled={timeUp}
            w="fit-content"
          >
            {t('quiz.flag')}
          </Button>
        </Stack>
      </Paper>

      <Group justify="space-between" gap="sm" component="nav" aria-label={t('quiz.pager')}>
        {index > 0 ? (
          <Button variant="default" onClick={() => go(index - 1)} leftSection={<IconChevronLeft size={16} aria-hidden />}>
            {t('quiz.previous')}
          </Button>
        ) : (
          <span />
        )}
        {index < attempt.items.length - 1 ? (
          <Button onClick={() => go(index + 1)} rightSection={<IconChevronRight size={16} aria-hidden />}>
            {t('quiz.next')}
          </Button>
        ) : (
          <span />
        )}
      </Group>

      {!timeUp && (
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setConfirming(true)} w="fit-content">
          {t('quiz.submit')}
        </Button>
      )}

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('quiz.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          {open.unanswered.length === 0 && open.flagged.length === 0 ? (
            <Text size="sm">{t('quiz.confirmAllDone')}</Text>
          ) : (
            <List size="sm">
              {open.unanswered.length > 0 && <List.Item>{t('quiz.confirmUnanswered', { count: open.unanswered.length, list: open.unanswered.join(', ') })}</List.Item>}
              {open.flagged.length > 0 && <List.Item>{t('quiz.confirmFlagged', { count: open.flagged.length, list: open.flagged.join(', ') })}</List.Item>}
            </List>
          )}
          <Text size="sm">{t('quiz.confirmText')}</Text>
          {submitError ? isApiError(submitError) ? <ErrorAlert error={submitError} /> : <Alert color="orange" role="alert">{t('quiz.submitOffline')}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('quiz.confirmBack')}
            </Button>
            <Button loading={submit.isPending} onClick={() => void onSubmit()} data-autofocus>
              {t('quiz.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SaveStatus({ status, timeUp }: { status: AnswerSyncStatus; timeUp: boolean }) {
  const { t } = useTranslation();
  const text = timeUp && status !== 'saved' ? t('quiz.sync.closed') : t(`quiz.sync.${status}`);
  return (
    <Text size="sm" c={status === 'offline' || status === 'closed' ? 'red.9' : 'dimmed'} role="status" aria-live="polite" data-sync={status}>
      {text}
    </Text>
  );
}

/** The questions as numbered buttons; the state is in the name and in shapes, never colour alone. */
function Navigator({ items, onGo }: { items: NavItem[]; onGo: (index: number) => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('quiz.navigator')}>
      <SimpleGrid cols={{ base: 5, xs: 8, sm: 10 }} spacing={6} verticalSpacing={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((it, i) => {
          const state = [it.answered ? t('quiz.nav.answered') : t('quiz.nav.unanswered'), it.flagged ? t('quiz.nav.flagged') : null].filter(Boolean).join(', ');
          return (
            <li key={it.slot}>
              <UnstyledButton
                onClick={() => onGo(i)}
                aria-current={it.current ? 'step' : undefined}
                aria-label={t('quiz.nav.item', { n: String(it.number), state })}
                data-answered={it.answered}
                data-flagged={it.flagged}
                style={{
                  width: '100%',
                  minHeight: 44,
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  gap: 2,
                  borderRadius: 6,
                  fontWeight: 700,
                  border: it.current ? '3px solid var(--mantine-color-cakap-8)' : '1px solid var(--mantine-color-gray-6)',
                  background: it.answered ? 'var(--mantine-color-cakap-light)' : 'var(--mantine-color-body)',
                }}
              >
                <span>{it.number}</span>
                {it.answered && <IconCheck size={14} aria-hidden />}
                {it.flagged && <IconFlagFilled size={14} aria-hidden color="var(--mantine-color-orange-9)" />}
              </UnstyledButton>
            </li>
          );
        })}
      </SimpleGrid>
      <Group gap="md" mt={6}>
        <Text size="xs" c="dimmed">
          <IconCheck size={12} aria-hidden /> {t('quiz.nav.answered')}
        </Text>
        <Text size="xs" c="dimmed">
          <IconFlagFilled size={12} aria-hidden /> {t('quiz.nav.flagged')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('quiz.nav.currentLegend')}
        </Text>
      </Group>
    </nav>
  );
}
