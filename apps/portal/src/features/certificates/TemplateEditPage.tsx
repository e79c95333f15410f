import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, FileButton, Grid, Group, Image, Paper, Select, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconPuzzleOff, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { templateInputSchema, type CertificateTemplate, type TemplateType } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useSaveTemplate, useTemplate, useTemplateTypes } from '../../api/certificates';
import { uploadFile } from '../../api/courses';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors, useZodForm } from '../../components/zodForm';
import { currentYear } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { certificateTemplateEditor } from '../../plugins';
import { patternExample } from './numberPattern';
import { TemplatePreviewPane } from './TemplatePreviewPane';
import { useTemplatePreview } from './useTemplatePreview';

const DEFAULT_PATTERN = '{seq:4}/BKPSDMD-BH/{month-roman}/{year}';
const LOGO_TYPES = 'image/png,image/jpeg';

/** A certificate template, new or existing: its settings, the plugin's configuration form and a live preview. */
export function TemplateEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const isNew = !id || id === 'new';
  const template = useTemplate(isNew ? undefined : id);
  const types = useTemplateTypes();
  const back = <BackLink to="/admin/certificate-templates">{t('certificates.templates.back')}</BackLink>;
  const title = isNew ? t('certificates.templates.create') : (template.data?.name ?? t('certificates.templates.edit'));
  const error = template.error ?? types.error;
  return (
    <>
      <PageHeader title={title} before={back} />
      {error ? <ErrorAlert error={error} onRetry={() => void (template.error ? template.refetch() : types.refetch())} /> : null}
      {types.data && (isNew || template.data) ? (
        <TemplateForm key={template.data?.id ?? 'new'} template={template.data ?? null} types={types.data} />
      ) : !error ? (
        <Skeleton height={480} />
      ) : null}
    </>
  );
}

interface Values extends Record<string, unknown> {
  name: string;
  templateKey: string;
  numberPattern: string;
  isDefault: boolean;
}

function TemplateForm({ template, types }: { template: CertificateTemplate | null; types: TemplateType[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const save = useSaveTemplate(template?.id);
  const firstType = types[0];
  const [config, setConfig] = useState<unknown>(template ? template.config : firstType?.defaultConfig);
  const [logo, setLogo] = useState<{ id: string; name: string; url: string | null } | null>(
    template?.logoFileId ? { id: template.logoFileId, name: t('certificates.editor.currentLogo'), url: null } : null,
  );
  const [uploading, setUploading] = useState(false);
  const [configErrors, setConfigErrors] = useState<Record<string, string>>({});
  const form = useZodForm<Values>({
    schema: templateInputSchema,
    initialValues: {
      name: template?.name ?? '',
      templateKey: template?.templateKey ?? firstType?.key ?? '',
      numberPattern: template?.numberPattern ?? DEFAULT_PATTERN,
      isDefault: template?.isDefault ?? false,
    },
    toInput: (v) => ({ ...v, config, logoFileId: logo?.id ?? null }),
  });
  const values = form.getValues();
  const type = types.find((ty) => ty.key === values.templateKey);
  const Editor = certificateTemplateEditor(values.templateKey);

  // A new type starts from its own defaults (the configurations of two types do not mix).
  const changeType = (key: string | null) => {
    if (!key || key === values.templateKey) return;
    form.setFieldValue('templateKey', key);
    setConfig(types.find((ty) => ty.key === key)?.defaultConfig);
    setConfigErrors({});
  };

  const previewInput = useMemo(
    () =>
      values.templateKey && values.numberPattern.trim().length >= 5
        ? { templateKey: values.templateKey, config, numberPattern: values.numberPattern.trim(), logoFileId: logo?.id ?? null }
        : null,
    [values.templateKey, values.numberPattern, config, logo?.id],
  );
  const preview = useTemplatePreview(previewInput);

  // The preview's validation errors are the save's too: put the configuration's on its fields.
  useEffect(() => {
    if (isApiError(preview.error)) setConfigErrors(configFieldErrors(preview.error.errors));
    else if (!preview.error && preview.url) setConfigErrors({});
  }, [preview.error, preview.url]);

  const now = new Date();
  const example = patternExample(values.numberPattern, { year: currentYear(now), month: now.getMonth() + 1 });

  const onLogo = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    try {
      const stored = await uploadFile(file, 'image');
      setLogo({ id: stored.id, name: file.name, url: URL.createObjectURL(file) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setUploading(false);
    }
  };

  const onSubmit = form.onSubmit(async (v) => {
    const body = { name: v.name.trim(), config, numberPattern: v.numberPattern.trim(), logoFileId: logo?.id ?? null, isDefault: v.isDefault };
    try {
      const saved = await save.mutateAsync(template ? body : { ...body, templateKey: v.templateKey });
      notifications.show({ color: 'green', message: t('certificates.templates.saved', { name: saved.name }) });
      if (!template) navigate(`/admin/certificate-templates/${saved.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e)) setConfigErrors(configFieldErrors(e.errors));
      applyServerErrors(form, e, ['name', 'templateKey', 'numberPattern', 'isDefault']);
    }
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {save.error && !isApiError(save.error) ? <ErrorAlert error={save.error} /> : null}
            {isApiError(save.error) && save.error.status !== 400 ? <ErrorAlert error={save.error} /> : null}
            <Paper withBorder p="md">
              <Stack>
                <TextInput label={t('certificates.templates.name')} withAsterisk {...form.getInputProps('name')} />
                <Select
                  label={t('certificates.templates.type')}
                  data={types.map((ty) => ({ value: ty.key, label: ty.title[lang] }))}
                  value={values.templateKey}
                  onChange={changeType}
                  allowDeselect={false}
                  disabled={!!template}
                  description={type?.description?.[lang]}
                  error={form.errors.templateKey}
                />
                <TextInput
                  label={t('certificates.templates.pattern')}
                  withAsterisk
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  description={t('certificates.editor.patternHint')}
                  {...form.getInputProps('numberPattern')}
                />
                <Text size="sm" aria-live="polite">
                  {t('certificates.editor.patternExample')}{' '}
                  <Text span ff="monospace" fw={600} data-testid="pattern-example">
                    {example ?? '—'}
                  </Text>
                </Text>
                <Stack gap={6}>
                  <Text size="sm" fw={500}>
                    {t('certificates.editor.logo')}
                  </Text>
                  <Group gap="sm">
                    {logo?.url && <Image src={logo.url} alt="" h={48} w="auto" fit="contain" />}
                    {logo && (
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {logo.name}
                      </Text>
                    )}
                    <FileButton onChange={(f) => void onLogo(f)} accept={LOGO_TYPES}>
                      {(props) => (
                        <Button {...props} variant="default" size="xs" loading={uploading} leftSection={<IconPhoto size={14} aria-hidden />}>
                          {logo ? t('certificates.editor.replaceLogo') : t('certificates.editor.uploadLogo')}
                        </Button>
                      )}
                    </FileButton>
                    {logo && (
                      <Button variant="subtle" color="red.9" size="xs" onClick={() => setLogo(null)} leftSection={<IconTrash size={14} aria-hidden />}>
                        {t('certificates.editor.removeLogo')}
                      </Button>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('certificates.editor.logoHint')}
                  </Text>
                </Stack>
                <Switch label={t('certificates.templates.makeDefault')} description={t('certificates.editor.defaultHint')} {...form.getInputProps('isDefault', { type: 'checkbox' })} />
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="config-title">
              <Title order={2} fz="h4" id="config-title" mb="sm">
                {t('certificates.editor.config')}
              </Title>
              {Editor ? (
                <Editor value={config} onChange={setConfig} errors={configErrors} lang={lang} />
              ) : (
                <Alert color="gray" variant="light" icon={<IconPuzzleOff aria-hidden />}>
                  {t('certificates.editor.noEditor', { key: values.templateKey })}
                </Alert>
              )}
            </Paper>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <div style={{ position: 'sticky', top: 76 }}>
          <TemplatePreviewPane preview={preview} />
        </div>
      </Grid.Col>
    </Grid>
  );
}

/** The api's field errors of the configuration (`config.signer.nip`) by path inside it (`signer.nip`). */
function configFieldErrors(errors: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const m = /^(?:body\.)?config\.(.+)$/.exec(e.field);
    if (m && !(m[1] in out)) out[m[1]] = e.message;
  }
  return out;
}
