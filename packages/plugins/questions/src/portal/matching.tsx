import { useState } from 'react';
import { Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { QuestionEditorProps, QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { MatchingAnswer, MatchingData, MatchingReview, MatchingView } from '../matching';
import { FeedbackField, ListEditor, newId, numbered, partsVerdict, patchAt, PromptEditor, QuestionBody, ReviewList, ReviewRow, VerdictBadge } from './shared';
import { fill, texts } from './texts';

type Pair = MatchingData['pairs'][number];
const newPair = (): Pair => ({ id: newId(), left: '', right: '' });

function MatchingEditor({ data, onChange, lang, errors }: QuestionEditorProps<MatchingData>) {
  const t = texts(lang);
  const pairs = data.pairs ?? [];
  const [distractors, setDistractors] = useState(() => (data.distractors ?? []).join('\n'));
  const set = (patch: Partial<MatchingData>) => onChange({ ...data, ...patch });
  const setPair = (i: number, patch: Partial<Pair>) => set({ pairs: patchAt(pairs, i, patch) });
  const distractorError = Object.entries(errors).find(([k]) => k.startsWith('distractors'))?.[1];
  return (
    <Stack gap="md">
      <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
      <ListEditor
        legend={t.pairs}
        items={pairs}
        onChange={(next) => set({ pairs: next })}
        create={newPair}
        addLabel={t.addPair}
        error={errors.pairs}
        rowLabel={(i) => numbered(t.pairLeft, i)}
        t={t}
        renderRow={(p, i, buttons) => (
          <Group align="flex-end" gap="xs" wrap="wrap">
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
            {buttons}
          </Group>
        )}
      />
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
      <QuestionBody prompt={view.prompt} lang={lang}>
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
      </QuestionBody>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    const rightText = new Map(view.rights.map((r) => [r.id, r.text]));
    const key = new Map(review.matches.map((m) => [m.leftId, m.rightId]));
    const correct = view.lefts.filter((l) => answer?.[l.id] === key.get(l.id)).length;
    const verdict = partsVerdict(!!answer, correct, view.lefts.length);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <VerdictBadge verdict={verdict} t={t} />
        <ReviewList>
          {view.lefts.map((l) => {
            const given = answer?.[l.id];
            const ok = given === key.get(l.id);
            return (
              <ReviewRow key={l.id} mark={ok ? 'right' : 'wrong'}>
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
              </ReviewRow>
            );
          })}
        </ReviewList>
      </QuestionBody>
    );
  },
};
