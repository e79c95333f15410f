import { useEffect, useId, useRef, useState } from 'react';
import { FileInput, Group, Loader, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import type { EditorProps, UploadedFile } from '@cakap/plugin-sdk/portal';
import { fill, type Texts } from './texts';

/** A file field that uploads through the host as soon as a file is chosen. */
export function UploadField({
  kind,
  accept,
  label,
  hint,
  t,
  upload,
  onUploaded,
  currentName,
  error,
  required,
}: {
  kind: 'image' | 'video' | 'document';
  accept: string;
  label: string;
  hint: string;
  t: Texts;
  upload: EditorProps<unknown>['upload'];
  onUploaded: (file: UploadedFile) => void;
  /** The name of the file already in the block, if known. */
  currentName?: string;
  error?: string;
  required?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [name, setName] = useState<string | undefined>(undefined);
  const statusId = useId();

  const choose = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const uploaded = await upload(file, kind);
      setName(uploaded.fileName);
      onUploaded(uploaded);
    } catch (e) {
      setFailure((e as Error)?.message || t.uploadFailed);
    } finally {
      setBusy(false);
    }
  };

  const shown = name ?? currentName;
  return (
    <div>
      <FileInput
        label={label}
        description={hint}
        accept={accept}
        placeholder={shown ? t.replaceFile : t.chooseFile}
        leftSection={busy ? <Loader size={16} aria-hidden /> : <IconUpload size={16} aria-hidden />}
        onChange={(file) => void choose(file)}
        disabled={busy}
        withAsterisk={required}
        error={failure ?? error}
        aria-describedby={statusId}
        value={null}
      />
      <Group id={statusId} gap="xs" mt={4} aria-live="polite">
        {busy ? (
          <Text size="sm">{t.uploading}</Text>
        ) : shown ? (
          <Text size="sm" c="dimmed">
            {fill(t.uploaded, { name: shown })}
          </Text>
        ) : null}
      </Group>
    </div>
  );
}

/** The latest value, for callbacks that finish later (an upload) and must not overwrite newer edits. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
