import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, List, NumberInput, Paper, Radio, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QUIZ_ROLES, REVIEW_POLICIES, type Bank, type QuizBlock, type QuizSelection } from '@cakap/contracts';
import type { EditorProps } from '@cakap/plugin-sdk/portal';
import { useBank, useBanks, useCategories, useQuestion, useQuestions } from '../../api/quiz';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useRemoteSelect } from '../../hooks/useRemoteSelect';
import { newQuizBlock } from '../../plugins/core';

const PICK_PAGE_SIZE = 8;
const bankLabel = (b: Bank) => b.title;
const useBankSearch = (q: string | undefined, enabled: boolean) => useBanks({ q, pageSize: 20 }, enabled);
const useBankLookup = (id: string | null) => useBank(id);

/** The first server message for a field or anything below it (`selection.questionIds.3`). */
function errorFor(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

/**
 * The quiz block's settings in the course editor: which questions (fixed, picked from a bank
 * and ordered; or N at random from a bank or category), shuffling, pass score, attempts, time
 * limit, review policy and whether passing is required. Server validation shows on the fields.
 */
export function QuizBlockEditor({ data, onChange, errors }: EditorProps<QuizBlock>) {
  const { t } = useTranslation();
  // Autosave keeps half-configured quizzes: fill what is missing with the defaults.
  const quiz: QuizBlock = { ...newQuizBlock(), ...data };
  const set = (patch: Partial<QuizBlock>) => onChange({ ...quiz, ...patch });
  const selection = quiz.selection;
  const setSelection = (s: QuizSelection) => set({ selection: s });
  const known = new Set(['title', 'role', 'selection', 'passPercent', 'maxAttempts', 'timeLimitMinutes', 'reviewPolicy', 'shuffleQuestions', 'shuffleOptions', 'requirePass', '_']);
  const other = Object.entries(errors).filter(([k]) => !known.has(k.split('.')[0]));

  return (
    <Stack gap="sm">
      <TextInput label={t('quizEditor.title')} description={t('quizEditor.titleHint')} value={quiz.title} error={errors.title} onChange={(e) => set({ title: e.currentTarget.value })} />
      <Select
        label={t('quizEditor.role')}
        data={QUIZ_ROLES.map((r) => ({ value: r, label: t(`quiz.role.${r}`) }))}
        value={quiz.role}
        allowDeselect={false}
        error={errors.role}
        // A pre-test measures where learners start: it does not gate completion unless the author says so.
        onChange={(v) => v && set({ role: v as QuizBlock['role'], requirePass: v !== 'pretest' })}
      />
      <Radio.Group
        label={t('quizEditor.selection')}
        value={selection.mode}
        onChange={(mode) => setSelection(mode === 'random' ? { mode: 'random', bankId: '', categoryId: null, count: 5 } : { mode: 'fixed', questionIds: [] })}
        error={errors.selection}
      >
        <Group gap="lg" mt={4}>
          <Radio value="fixed" label={t('quizEditor.fixed')} />
          <Radio value="random" label={t('quizEditor.random')} />
        </Group>
      </Radio.Group>
      {selection.mode === 'fixed' ? (
        <FixedPicker questionIds={selection.questionIds ?? []} onChange={(ids) => setSelection({ mode: 'fixed', questionIds: ids })} error={errorFor(errors, 'selection.questionIds')} />
      ) : (
        <RandomPicker selection={selection} onChange={setSelection} errors={errors} />
      )}
      <Group gap="lg">
        <Switch label={t('quizEditor.shuffleQuestions')} checked={quiz.shuffleQuestions} onChange={(e) => set({ shuffleQuestions: e.currentTarget.checked })} />
        <Switch label={t('quizEditor.shuffleOptions')} checked={quiz.shuffleOptions} onChange={(e) => set({ shuffleOptions: e.currentTarget.checked })} />
      </Group>
      <NumberInput
        label={t('quizEditor.passPercent')}
        min={0}
        max={100}
        suffix="%"
        value={quiz.passPercent}
        error={errors.passPercent}
        onChange={(v) => set({ passPercent: typeof v === 'number' ? v : 0 })}
        w={{ base: '100%', xs: 200 }}
      />
      <OptionalNumber
        label={t('quizEditor.maxAttempts')}
        noneLabel={t('quizEditor.unlimitedAttempts')}
        value={quiz.maxAttempts}
        fallback={3}
        min={1}
        max={100}
        error={errors.maxAttempts}
        onChange={(v) => set({ maxAttempts: v })}
      />
      <OptionalNumber
        label={t('quizEditor.timeLimit')}
        noneLabel={t('quizEditor.untimed')}
        value={quiz.timeLimitMinutes}
        fallback={30}
        min={1}
        max={600}
        error={errors.timeLimitMinutes}
        onChange={(v) => set({ timeLimitMinutes: v })}
      />
      <Select
        label={t('quizEditor.reviewPolicy')}
        data={REVIEW_POLICIES.map((r) => ({ value: r, label: t(`quizEditor.review.${r}`) }))}
        value={quiz.reviewPolicy}
        allowDeselect={false}
        error={errors.reviewPolicy}
        onChange={(v) => v && set({ reviewPolicy: v as QuizBlock['reviewPolicy'] })}
      />
      <Switch label={t('quizEditor.requirePass')} description={t('quizEditor.requirePassHint')} checked={quiz.requirePass} onChange={(e) => set({ requirePass: e.currentTarget.checked })} />
      {other.length > 0 && (
        <List size="sm" c="red.9" role="alert">
          {other.map(([k, m]) => (
            <List.Item key={k}>{m}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** A number that may also be "none" (unlimited attempts, untimed). */
function OptionalNumber(props: { label: string; noneLabel: string; value: number | null; fallback: number; min: number; max: number; error?: string; onChange: (v: number | null) => void }) {
  const { label, noneLabel, value, fallback, min, max, error, onChange } = props;
  return (
    <Group gap="sm" align="flex-end">
      <NumberInput
        label={label}
        min={min}
        max={max}
        value={value ?? ''}
        disabled={value === null}
        error={error}
        onChange={(v) => onChange(typeof v === 'number' ? v : min)}
        w={{ base: '100%', xs: 200 }}
      />
      <Checkbox label={noneLabel} checked={value === null} onChange={(e) => onChange(e.currentTarget.checked ? null : fallback)} mb={8} />
    </Group>
  );
}

function BankSelect({ value, onChange, error, label }: { value: string | null; onChange: (id: string | null) => void; error?: string; label: string }) {
  const { t } = useTranslation();
  const select = useRemoteSelect<Bank>({ value, onChange, labelOf: bankLabel, useSearch: useBankSearch, useLookup: useBankLookup });
  return <Select label={label} placeholder={t('quizEditor.bankPlaceholder')} searchable clearable error={error} {...select} />;
}

function RandomPicker({ selection, onChange, errors }: { selection: Extract<QuizSelection, { mode: 'random' }>; onChange: (s: QuizSelection) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const categories = useCategories(selection.bankId || null);
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <BankSelect label={t('quizEditor.bank')} value={selection.bankId || null} error={errors['selection.bankId']} onChange={(id) => onChange({ ...selection, bankId: id ?? '', categoryId: null })} />
        <Select
          label={t('quizEditor.category')}
          data={[{ value: '', label: t('quizEditor.wholeBank') }, ...(categories.data ?? []).map((c) => ({ value: c.id, label: `${c.path} (${c.questionCount})` }))]}
          value={selection.categoryId ?? ''}
          allowDeselect={false}
          disabled={!selection.bankId}
          error={errors['selection.categoryId']}
          onChange={(v) => onChange({ ...selection, categoryId: v || null })}
        />
        <NumberInput
          label={t('quizEditor.count')}
          min={1}
          max={200}
          value={selection.count}
          error={errors['selection.count']}
          onChange={(v) => onChange({ ...selection, count: typeof v === 'number' ? v : 1 })}
          w={{ base: '100%', xs: 200 }}
        />
      </Stack>
    </Paper>
  );
}

function QuestionLabel({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuestion(id);
  if (q.error) return <Text size="sm" c="red.9">{t('quizEditor.questionMissing')}</Text>;
  return <Text size="sm">{q.data?.summary ?? t('app.loading')}</Text>;
}

function FixedPicker({ questionIds, onChange, error }: { questionIds: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [bankId, setBankId] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const found = useQuestions(bankId, { q: q || undefined, page, pageSize: PICK_PAGE_SIZE });
  const chosen = new Set(questionIds);
  const move = (i: number, d: number) => {
    const next = [...questionIds];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Text fw={600} size="sm" id="quiz-chosen">
          {t('quizEditor.chosen', { count: questionIds.length })}
        </Text>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        )}
        {questionIds.length > 0 && (
          <Stack component="ol" gap={4} m={0} pl="md" aria-labelledby="quiz-chosen">
            {questionIds.map((id, i) => (
              <li key={id}>
                <Group gap={4} wrap="nowrap" justify="space-between">
                  <QuestionLabel id={id} />
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('quizEditor.moveUp', { n: String(i + 1) })} onClick={() => move(i, -1)}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" disabled={i === questionIds.length - 1} aria-label={t('quizEditor.moveDown', { n: String(i + 1) })} onClick={() => move(i, 1)}>
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red.9" aria-label={t('quizEditor.remove', { n: String(i + 1) })} onClick={() => onChange(questionIds.filter((x) => x !== id))}>
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <BankSelect
          label={t('quizEditor.pickFrom')}
          value={bankId}
          onChange={(id) => {
            setBankId(id);
            setPage(1);
          }}
        />
        {bankId && (
          <>
            <SearchField
              label={t('quizEditor.searchQuestions')}
              placeholder={t('quizEditor.searchQuestions')}
              value={q}
              onChange={(v) => {
                setQ(v);
                setPage(1);
              }}
            />
            {(found.data?.items ?? []).length === 0 && !found.isPending && <Text size="sm">{t('quizEditor.noQuestions')}</Text>}
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('quizEditor.bankQuestions')}>
              {(found.data?.items ?? []).map((question) => (
                <li key={question.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">{question.summary}</Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      disabled={chosen.has(question.id)}
                      leftSection={<IconPlus size={14} aria-hidden />}
                      // The visible word first, so speech input ("click Tambah") finds it (WCAG 2.5.3).
                      aria-label={`${chosen.has(question.id) ? t('quizEditor.added') : t('quizEditor.add')}: ${question.summary}`}
                      onClick={() => onChange([...questionIds, question.id])}
                    >
                      {chosen.has(question.id) ? t('quizEditor.added') : t('quizEditor.add')}
                    </Button>
                  </Group>
                </li>
              ))}
            </Stack>
            {found.data && found.data.total > PICK_PAGE_SIZE && <Pager page={found.data.page} pageSize={found.data.pageSize} total={found.data.total} onChange={setPage} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
