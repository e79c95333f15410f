import { useState } from 'react';
import { Button, FileButton, Group, Image, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_FORMS, updateCourseSchema, type CourseWithContent, type DevelopmentForm } from '@cakap/contracts';
import { uploadFile, useUpdateCourse } from '../../api/courses';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert';
import { applyServerErrors, blankToNull, useZodForm } from '../../components/zodForm';

interface Values extends Record<string, unknown> {
  title: string;
  summary: string;
  jp: number | string;
  durationMinutes: number | string;
  category: string;
  language: 'id' | 'en';
  developmentForm: DevelopmentForm;
  tags: string[];
}

const FIELDS = ['title', 'summary', 'jp', 'durationMinutes', 'category', 'language', 'developmentForm', 'tags', 'coverFileId'] as const;

const toInput = (v: Values) => ({
  title: v.title,
  summary: v.summary,
  jp: v.jp === '' ? undefined : Number(v.jp),
  durationMinutes: v.durationMinutes === '' ? null : Number(v.durationMinutes),
  category: blankToNull(v.category),
  language: v.language,
  developmentForm: v.developmentForm,
  tags: v.tags,
});

/** Course metadata, saved with PATCH (explicitly: the outline autosaves, the form does not). */
export function MetadataForm({ course, readOnly }: { course: CourseWithContent; readOnly: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateCourse(course.id);
  const [coverUrl, setCoverUrl] = useState<string | null>(course.coverUrl);
  const [uploading, setUploading] = useState(false);
  const form = useZodForm<Values>({
    initialValues: {
      title: course.title,
      summary: course.summary,
      jp: course.jp,
      durationMinutes: course.durationMinutes ?? '',
      category: course.category ?? '',
      language: course.language,
      developmentForm: course.developmentForm ?? 'NKL03',
      tags: course.tags,
    },
    schema: updateCourseSchema,
    toInput,
  });

  const submit = form.onSubmit(async (v) => {
    try {
      await update.mutateAsync(updateCourseSchema.parse(toInput(v)));
      form.resetDirty();
      notifications.show({ color: 'green', message: t('course.metaSaved') });
    } catch (e) {
      applyServerErrors(form, e, FIELDS);
    }
  });

  const onCover = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    try {
      const stored = await uploadFile(file, 'image', course.id);
      await update.mutateAsync({ coverFileId: stored.id });
      setCoverUrl(stored.url);
      notifications.show({ color: 'green', message: t('course.coverSaved') });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setUploading(false);
    }
  };

  const jp = Number(form.values.jp) || 0;
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack maw={760}>
          <TextInput label={t('course.title')} required {...form.getInputProps('title')} />
          <Textarea label={t('course.summary')} autosize minRows={3} {...form.getInputProps('summary')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('course.jp')}
              description={t('course.jpHint', { minutes: String(jp * 45) })}
              min={0}
              max={1000}
              allowDecimal={false}
              required
              {...form.getInputProps('jp')}
            />
            <NumberInput label={t('course.duration')} description={t('course.durationHint')} min={0} max={100000} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
            <TextInput label={t('course.category')} {...form.getInputProps('category')} />
            <Select
              label={t('course.language')}
              data={[
                { value: 'id', label: 'Bahasa Indonesia' },
                { value: 'en', label: 'English' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('language')}
            />
          </SimpleGrid>
          <Select
            label={t('course.developmentForm')}
            description={t('course.developmentFormHint')}
            data={Object.entries(DEVELOPMENT_FORMS).map(([value, label]) => ({ value, label: `${value} — ${label}` }))}
            allowDeselect={false}
            searchable
            {...form.getInputProps('developmentForm')}
          />
          <TagsInput label={t('course.tags')} description={t('course.tagsHint')} maxTags={20} {...form.getInputProps('tags')} />
          <Stack gap={6}>
            <Text fw={500} size="sm">
              {t('course.cover')}
            </Text>
            {coverUrl ? (
              <Image src={coverUrl} alt={t('course.coverAlt', { title: course.title })} maw={320} radius="md" />
            ) : (
              <Text size="sm" c="dimmed">
                {t('course.noCover')}
              </Text>
            )}
            {!readOnly && (
              <FileButton onChange={(f) => void onCover(f)} accept="image/png,image/jpeg,image/webp">
                {(props) => (
                  <Button {...props} variant="default" loading={uploading} leftSection={<IconPhotoUp size={16} aria-hidden />} w="fit-content">
                    {coverUrl ? t('course.changeCover') : t('course.uploadCover')}
                  </Button>
                )}
              </FileButton>
            )}
          </Stack>
          {update.error && !Object.keys(form.errors).length ? <ErrorAlert error={update.error} /> : null}
          {!readOnly && (
            <Group>
              <Button type="submit" loading={update.isPending && !uploading}>
                {t('course.saveMeta')}
              </Button>
              {form.isDirty() && (
                <Text size="sm" c="dimmed" role="status">
                  {t('save.dirty')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
