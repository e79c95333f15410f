import { useState } from 'react';
import { Alert, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import type { ContentTypePortal, EditorProps, ViewerProps } from '@cakap/plugin-sdk/portal';
import type { ImageData } from '../image';
import { UploadField, useLatest } from './shared';
import { message, texts } from './texts';

export function ImageViewer({ data, lang, fileUrl }: ViewerProps<ImageData>) {
  const t = texts(lang);
  const src = data?.fileId ? fileUrl(data.fileId) : undefined;
  if (!src) return <Alert color="yellow">{t.fileMissing}</Alert>;
  return (
    <figure style={{ margin: 0 }}>
      <img
        src={src}
        alt={data.decorative ? '' : data.alt}
        loading="lazy"
        decoding="async"
        style={{ display: 'block', maxWidth: '100%', height: 'auto', margin: '0 auto', borderRadius: 'var(--mantine-radius-sm)' }}
      />
      {data.caption && (
        <Text component="figcaption" size="sm" c="dimmed" ta="center" mt={4}>
          {data.caption}
        </Text>
      )}
    </figure>
  );
}

export function ImageEditor({ data, onChange, lang, upload, fileUrl, errors }: EditorProps<ImageData>) {
  const t = texts(lang);
  const [altTouched, setAltTouched] = useState(false);
  const current: ImageData = { fileId: data?.fileId ?? '', alt: data?.alt ?? '', decorative: !!data?.decorative, ...(data?.caption ? { caption: data.caption } : {}) };
  const latest = useLatest(current);
  const preview = current.fileId ? fileUrl(current.fileId) : undefined;
  const altMissing = altTouched && !!current.fileId && !current.decorative && !current.alt.trim();
  return (
    <Stack gap="sm">
      <UploadField
        kind="image"
        accept="image/jpeg,image/png,image/webp,image/gif"
        label={t.imageFile}
        hint={t.imageFileHint}
        t={t}
        upload={upload}
        required
        currentName={current.fileId ? t.imageFile : undefined}
        error={errors.fileId}
        onUploaded={(f) => onChange({ ...latest.current, fileId: f.id })}
      />
      {preview && (
        <img
          src={preview}
          alt={current.decorative ? '' : current.alt}
          style={{ maxWidth: '100%', maxHeight: 240, objectFit: 'contain', alignSelf: 'flex-start' }}
        />
      )}
      <TextInput
        label={t.alt}
        description={t.altHint}
        withAsterisk={!current.decorative}
        disabled={current.decorative}
        value={current.decorative ? '' : current.alt}
        maxLength={300}
        onChange={(e) => onChange({ ...current, alt: e.currentTarget.value })}
        onBlur={() => setAltTouched(true)}
        error={altMissing ? message('content.image.alt', lang) : errors.alt}
      />
      <Checkbox
        label={t.decorative}
        checked={current.decorative}
        onChange={(e) => onChange({ ...current, decorative: e.currentTarget.checked })}
      />
      <TextInput
        label={`${t.caption} ${t.optional}`}
        value={current.caption ?? ''}
        maxLength={500}
        error={errors.caption}
        onChange={(e) => {
          const caption = e.currentTarget.value;
          const { caption: _old, ...rest } = current;
          onChange(caption ? { ...rest, caption } : rest);
        }}
      />
    </Stack>
  );
}

export const imagePortal: ContentTypePortal<ImageData> = {
  key: 'image',
  title: { id: 'Gambar', en: 'Image' },
  initialData: () => ({ fileId: '', alt: '', decorative: false }),
  Viewer: ImageViewer,
  Editor: ImageEditor,
};
