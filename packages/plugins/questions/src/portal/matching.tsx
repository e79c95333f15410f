import { useState } from 'react';
import { Button, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react';
import type { QuestionEditorProps, QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { MatchingAnswer, MatchingData, MatchingReview, MatchingView } from '../matching';
import { FeedbackField, FeedbackText, move, newId, numbered, Prompt, PromptEditor, RowButtons, VerdictBadge, type Verdict } from './shared';
import { fill, texts } from './texts';

type Pair = MatchingData['pairs'][number];
const newPair = (): Pair => ({ id: newId(), left: '', right: '' });

function MatchingEditor({ data, onChange, lang, errors }: QuestionEditorProps<MatchingData>) {
  const t = texts(lang);
  const pairs = data.pairs ?? [];
  const [distractors, setDistractors] = useState(() => (data.distractors ?? []).join('\n'));
  const set = (patch: Partial<MatchingData>) => onChange({ ...data, ...patch });
  const setPair = (i: number, patch: Partial<Pair>) => set({ pairs: pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const distractorError = Object.entries(errors).find(([k]) => k.startsWith('distractors'))?.[1];
  return (
    <Stack gap="md">
      <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
      <Fieldset legend={t.pairs} variant="unstyled">
        <Stack gap="sm">
          {pairs.map((p, i) => (
            <Group key={p.id} align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                style={{ flex: '1 1 140px' }}
                label={numbered(t.pairLeft, i)}
                value={p.left}
                maxLength={1000}
                error={errors[`pairs.${i}.left`] ?? errors[`pairs.${i}.id`]}
                onChange={(e) => setPair(i, { left: e.currentTarget.value })}
              />
              <TextInput
                style={{ flex: '1 1 140px' }}
                label={numbered(t.pairRight, i)}
                value={p.right}
                maxLength={1000}
                error={errors[`pairs.${i}.right`]}
                onChange={(e) => setPair(i, { right: e.currentTarget.value })}
              />
              <RowButtons
                index={i}
                count={pairs.length}
                minCount={2}
                t={t}
                label={numbered(t.pairLeft, i)}
                onMove={(from, to) => set({ pairs: move(pairs, from, to) })}
                onRemove={(at) => set({ pairs: pairs.filter((_, j) => j !== at) })}
              />
            </Group>
          ))}
          {errors.pairs && (
            <Text size="sm" c="red" role="alert">
              {errors.pairs}
            </Text>
          )}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => set({ pairs: [...pairs, newPair()] })}>
              {t.addPair}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Textarea
        label={`${t.distractors} ${t.optional}`}
        description={t.distractorsHint}
        autosize
        minRows={1}
        value={distractors}
        error={distractorError}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setDistractors(value);
          set({ distractors: value.split('\n').map((l) => l.trim()).filter(Boolean) });
        }}
      />
      <FeedbackField label={t.feedback} description={t.feedbackHint} value={data.feedback} t={t} error={errors.feedback} onChange={(feedback) => set({ feedback })} />
    </Stack>
  );
}

export const matchingPortal: QuestionTypePortal<MatchingData, MatchingView, MatchingAnswer, MatchingReview> = {
  key: 'matching',
  title: { id: 'Menjodohkan', en: 'Matching' },
  initialData: () => ({ prompt: '', pairs: [newPair(), newPair(), newPair()], distractors: [] }),
  Editor: MatchingEditor,
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    const choose = (leftId: string, rightId: string) => {
      const next = { ...answer };
      if (rightId) next[leftId] = rightId;
      else delete next[leftId];
      onChange(Object.keys(next).length ? next : undefined);
    };
    const options = [{ value: '', label: t.choose }, ...view.rights.map((r) => ({ value: r.id, label: r.text }))];
    return (
      <Stack gap="sm">
        <Prompt html={view.prompt} lang={lang} />
        {view.lefts.map((l) => (
          <NativeSelect
            key={l.id}
            id={`${idPrefix}-${l.id}`}
            label={l.text}
            aria-label={fill(t.matchWith, { left: l.text })}
            data={options}
            value={answer?.[l.id] ?? ''}
            disabled={readOnly}
            onChange={(e) => choose(l.id, e.currentTarget.value)}
          />
        ))}
      </Stack>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    const rightText = new Map(view.rights.map((r) => [r.id, r.text]));
    const key = new Map(review.matches.map((m) => [m.leftId, m.rightId]));
    const correct = view.lefts.filter((l) => answer?.[l.id] === key.get(l.id)).length;
    const verdict: Verdict = !answer ? 'none' : correct === view.lefts.length ? 'right' : correct > 0 ? 'partly' : 'wrong';
    return (
      <Stack gap="sm">
        <Prompt html={view.prompt} lang={lang} />
        <VerdictBadge verdict={verdict} t={t} />
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {view.lefts.map((l) => {
            const given = answer?.[l.id];
            const ok = given === key.get(l.id);
            return (
              <li key={l.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  {ok ? <IconCheck size={18} color="var(--mantine-color-green-7)" aria-hidden /> : <IconX size={18} color="var(--mantine-color-red-7)" aria-hidden />}
                  <div>
                    <Text size="sm" fw={600}>
                      {l.text}
                    </Text>
                    <Text size="sm">
                      {t.yourAnswer}: {given ? rightText.get(given) : t.notAnswered} ({ok ? t.right : t.wrong})
                    </Text>
                    {!ok && (
                      <Text size="sm">
                        {t.correctAnswer}: {rightText.get(key.get(l.id) ?? '')}
                      </Text>
                    )}
                  </div>
                </Group>
              </li>
            );
          })}
        </Stack>
        <FeedbackText>{review.feedback}</FeedbackText>
      </Stack>
    );
  },
};
