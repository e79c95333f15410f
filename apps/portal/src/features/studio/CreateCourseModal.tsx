import { Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createCourseSchema } from '@cakap/contracts';
import { useCreateCourse } from '../../api/courses';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, blankToNull, useZodForm } from '../../components/zodForm';

interface Values extends Record<string, unknown> {
  title: string;
  summary: string;
  jp: number | string;
  category: string;
}

export function CreateCourseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const form = useZodForm<Values>({
    initialValues: { title: '', summary: '', jp: 2, category: '' },
    schema: createCourseSchema,
    toInput: (v) => ({ title: v.title, summary: v.summary, jp: v.jp === '' ? undefined : Number(v.jp), category: blankToNull(v.category) }),
    validateInputOnChange: false,
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const course = await create.mutateAsync({ title: v.title.trim(), summary: v.summary.trim(), jp: Number(v.jp), category: (blankToNull(v.category) as string | null) ?? null });
      form.reset();
      onClose();
      navigate(`/studio/courses/${course.id}`);
    } catch (e) {
      applyServerErrors(form, e, ['title', 'summary', 'jp', 'category']);
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('studio.create')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('course.title')} required data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('course.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
          <NumberInput label={t('course.jp')} description={t('course.jpHint')} min={0} max={1000} allowDecimal={false} required {...form.getInputProps('jp')} />
          <TextInput label={t('course.category')} description={t('common.optional')} {...form.getInputProps('category')} />
          {create.error && !Object.keys(form.errors).length ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('studio.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
