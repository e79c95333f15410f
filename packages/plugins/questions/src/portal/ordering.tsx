import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { QuestionAnswerProps, QuestionEditorProps, QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { OrderingAnswer, OrderingData, OrderingReview, OrderingView } from '../ordering';
import { FeedbackField, ListEditor, move, newId, numbered, partsVerdict, patchAt, PromptEditor, QuestionBody, ReviewList, ReviewRow, RowButtons, VerdictBadge } from './shared';
import { fill, texts } from './texts';

type Item = OrderingData['items'][number];
const newItem = (): Item => ({ id: newId(), text: '' });

function OrderingEditor({ data, onChange, lang, errors }: QuestionEditorProps<OrderingData>) {
  const t = texts(lang);
  const items = data.items ?? [];
  const set = (patch: Partial<OrderingData>) => onChange({ ...data, ...patch });
  return (
    <Stack gap="md">
      <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
      <ListEditor
        legend={t.items}
        items={items}
        onChange={(next) => set({ items: next })}
        create={newItem}
        addLabel={t.addItem}
        error={errors.items}
        rowLabel={(i) => numbered(t.item, i)}
        t={t}
        renderRow={(item, i, buttons) => (
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1, minWidth: 0 }}
              label={numbered(t.item, i)}
              value={item.text}
              maxLength={1000}
              error={errors[`items.${i}.text`] ?? errors[`items.${i}.id`]}
              onChange={(e) => set({ items: patchAt(items, i, { text: e.currentTarget.value }) })}
            />
            {buttons}
          </Group>
        )}
      />
      <FeedbackField label={t.feedback} description={t.feedbackHint} value={data.feedback} t={t} error={errors.feedback} onChange={(feedback) => set({ feedback })} />
    </Stack>
  );
}

/** The items in the learner's order: the saved answer, or the order shown (unknown ids dropped, missing ones appended). */
function currentOrder(view: OrderingView, answer: OrderingAnswer | undefined) {
  const byId = new Map(view.items.map((i) => [i.id, i]));
  const saved = (answer ?? []).filter((id) => byId.has(id));
  const rest = view.items.filter((i) => !saved.includes(i.id)).map((i) => i.id);
  return [...saved, ...rest].map((id) => byId.get(id) as OrderingView['items'][number]);
}

/**
 * Reordering with buttons (keyboard and screen-reader operable, and easy on a phone). The
 * order shown first is not an answer: the learner moves something or keeps it explicitly.
 */
function OrderingAnswerForm({ view, answer, onChange, readOnly, lang, idPrefix }: QuestionAnswerProps<OrderingView, OrderingAnswer>) {
  const t = texts(lang);
  const items = currentOrder(view, answer);
  const save = (list: typeof items) => onChange(list.map((i) => i.id));
  const headingId = `${idPrefix}-order-hint`;
  return (
    <QuestionBody prompt={view.prompt} lang={lang}>
      <Text size="sm" id={headingId}>
        {t.orderHint}
      </Text>
      <Stack gap={6} component="ol" aria-describedby={headingId} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item, i) => (
          <Paper key={item.id} component="li" withBorder p="xs" radius="sm">
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Text span c="dimmed" mr={6}>
                  {i + 1}.
                </Text>
                {item.text}
              </Text>
              {!readOnly && (
                <RowButtons index={i} count={items.length} minCount={items.length} t={t} label={item.text} onMove={(from, to) => save(move(items, from, to))} />
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {!readOnly && (
        <Group gap="xs">
          {answer ? (
            <Text size="sm" c="dimmed" role="status">
              {t.orderSaved}
            </Text>
          ) : (
            <Button variant="light" size="xs" onClick={() => save(items)}>
              {t.useThisOrder}
            </Button>
          )}
        </Group>
      )}
    </QuestionBody>
  );
}

export const orderingPortal: QuestionTypePortal<OrderingData, OrderingView, OrderingAnswer, OrderingReview> = {
  key: 'ordering',
  title: { id: 'Mengurutkan', en: 'Ordering' },
  initialData: () => ({ prompt: '', items: [newItem(), newItem(), newItem()] }),
  Editor: OrderingEditor,
  Answer: OrderingAnswerForm,
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    const text = new Map(view.items.map((i) => [i.id, i.text]));
    const given = answer ?? [];
    const correct = review.correctOrder.filter((id, i) => given[i] === id).length;
    const verdict = partsVerdict(!!answer, correct, review.correctOrder.length);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <VerdictBadge verdict={verdict} t={t} />
        <ReviewList ordered>
          {review.correctOrder.map((id, i) => {
            const ok = given[i] === id;
            return (
              <ReviewRow key={id} mark={ok ? 'right' : 'wrong'}>
                <Text size="sm">
                  {numbered(t.position, i)}: {given[i] ? text.get(given[i]) : t.notAnswered} ({ok ? t.right : t.wrong})
                </Text>
                {!ok && (
                  <Text size="sm" c="dimmed">
                    {fill(t.shouldBe, { text: text.get(id) ?? '' })}
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
