import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { needCommentInputSchema } from '@cakap/contracts';
import { useAddComment, useDeleteComment, useNeedComments } from '../../api/needs';
import { useErrorMessage } from '../../components/ErrorAlert';
import { ListState } from '../../components/ListState';
import { Pager } from '../../components/Pager';
import { applyServerErrors, useZodForm } from '../../components/zodForm';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

const PAGE_SIZE = 20;
const BODY_MAX = 2000;

/** The discussion of a need, oldest first. Comments are plain text: React renders them as text, never as HTML. */
export function CommentThread({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorMessage = useErrorMessage();
  const [page, setPage] = useState(1);
  const query = useNeedComments(needId, page);
  const add = useAddComment(needId);
  const remove = useDeleteComment(needId);
  const items = query.data?.items ?? [];
  const form = useZodForm<{ body: string }>({ initialValues: { body: '' }, schema: needCommentInputSchema });

  const submit = form.onSubmit(async ({ body }) => {
    try {
      await add.mutateAsync(body.trim());
      form.reset();
      // The new comment is the newest: show the last page.
      const total = (query.data?.total ?? 0) + 1;
      setPage(Math.max(1, Math.ceil(total / PAGE_SIZE)));
      notifications.show({ color: 'green', message: t('needs.comment.sent') });
    } catch (e) {
      if (!applyServerErrors(form, e, ['body'])) notifications.show({ color: 'red', message: errorMessage(e) });
    }
  });

  return (
    <Stack component="section" aria-labelledby="comments-title" gap="sm">
      <Title order={2} size="h3" id="comments-title">
        {t('needs.comment.title')}
      </Title>
      <ListState query={query} isEmpty={items.length === 0} empty={<Text c="dimmed" size="sm">{t('needs.comment.empty')}</Text>}>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('needs.comment.listLabel')}>
          {items.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {c.author.name}{' '}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {formatDateTime(c.createdAt, lang)}
                  </Text>
                </Text>
                {c.canDelete && (
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('needs.comment.delete', { name: c.author.name })}
                    loading={remove.isPending && remove.variables === c.id}
                    onClick={() =>
                      remove.mutate(c.id, {
                        onSuccess: () => notifications.show({ color: 'green', message: t('needs.comment.deleted') }),
                        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                      })
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.body}
              </Text>
            </Paper>
          ))}
        </Stack>
        {query.data && query.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />}
      </ListState>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Textarea
            label={t('needs.comment.label')}
            description={t('needs.form.counter', { count: form.values.body.length, max: BODY_MAX })}
            autosize
            minRows={2}
            maxLength={BODY_MAX}
            {...form.getInputProps('body')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('needs.comment.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
