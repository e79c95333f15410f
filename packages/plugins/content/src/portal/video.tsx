import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Anchor, AspectRatio, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import type { ContentTypePortal, EditorProps, ViewerProps } from '@cakap/plugin-sdk/portal';
import type { VideoData } from '../video';
import { parseVideoUrl, type VideoLink } from '../urls';
import { UploadField, useLatest } from './shared';
import { fill, message, texts } from './texts';

const PROVIDER = { youtube: 'YouTube', vimeo: 'Vimeo' } as const;

/**
 * An uploaded video. Progress counts the seconds actually played (skipping ahead to the end
 * does not count), reported as a fraction of the length whenever it grows by 1% or more.
 */
function FileVideo({ src, title, onProgress, t }: { src: string; title?: string; onProgress: (f: number) => void; t: ReturnType<typeof texts> }) {
  const seen = useRef<Uint8Array | null>(null);
  const count = useRef(0);
  const last = useRef<number | null>(null);
  const reported = useRef(0);

  const onTime = (video: HTMLVideoElement) => {
    const duration = video.duration;
    if (!Number.isFinite(duration) || duration <= 0) return;
    if (!seen.current || seen.current.length !== Math.ceil(duration)) {
      seen.current = new Uint8Array(Math.ceil(duration));
      count.current = 0;
    }
    const now = video.currentTime;
    const prev = last.current;
    last.current = now;
    // Only continuous playback counts: a jump (seek) of more than a few seconds does not.
    if (prev === null || now < prev || now - prev > 3 * Math.max(1, video.playbackRate)) return;
    for (let s = Math.floor(prev); s <= Math.floor(now) && s < seen.current.length; s++) {
      if (!seen.current[s]) {
        seen.current[s] = 1;
        count.current++;
      }
    }
    const fraction = Math.min(1, count.current / seen.current.length);
    if (fraction - reported.current >= 0.01 || (fraction >= 0.99 && fraction > reported.current)) {
      reported.current = fraction;
      onProgress(fraction);
    }
  };

  return (
    <video
      controls
      preload="metadata"
      playsInline
      src={src}
      title={title}
      aria-label={title ?? t.videoDefaultTitle}
      style={{ width: '100%', maxHeight: '70vh', background: '#000', borderRadius: 'var(--mantine-radius-sm)' }}
      onTimeUpdate={(e) => onTime(e.currentTarget)}
      onSeeking={(e) => {
        last.current = e.currentTarget.currentTime;
      }}
      onEnded={(e) => onTime(e.currentTarget)}
    >
      {t.videoUnsupported}
    </video>
  );
}

/** A YouTube (no-cookie) or Vimeo player. Their progress cannot be read without their scripts: the learner confirms. */
export function ExternalVideo({
  link,
  title,
  t,
  onConfirm,
}: {
  link: VideoLink;
  title?: string;
  t: ReturnType<typeof texts>;
  onConfirm?: () => void;
}) {
  const [done, setDone] = useState(false);
  const provider = PROVIDER[link.provider];
  return (
    <Stack gap="xs">
      <AspectRatio ratio={16 / 9}>
        <iframe
          src={link.embedUrl}
          title={title || `${t.videoDefaultTitle} ${provider}`}
          loading="lazy"
          allow="fullscreen; picture-in-picture; encrypted-media"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          style={{ border: 0, borderRadius: 'var(--mantine-radius-sm)' }}
        />
      </AspectRatio>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor href={link.url} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4} component="span">
            {fill(t.openOn, { provider })}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
        {onConfirm && (
          <Button
            variant={done ? 'light' : 'filled'}
            leftSection={done ? <IconCheck size={16} aria-hidden /> : undefined}
            aria-pressed={done}
            onClick={() => {
              if (done) return;
              setDone(true);
              onConfirm();
            }}
          >
            {done ? t.watchedDone : t.watched}
          </Button>
        )}
      </Group>
      {onConfirm && !done && (
        <Text size="sm" c="dimmed">
          {fill(t.watchedHint, { provider })}
        </Text>
      )}
    </Stack>
  );
}

export function VideoViewer({ data, lang, fileUrl, onComplete, onProgress }: ViewerProps<VideoData>) {
  const t = texts(lang);
  if (data && 'fileId' in data && data.fileId) {
    const src = fileUrl(data.fileId);
    if (!src) return <Alert color="yellow">{t.fileMissing}</Alert>;
    return (
      <Stack gap="xs">
        {data.title && <Text fw={500}>{data.title}</Text>}
        <FileVideo src={src} title={data.title} onProgress={onProgress} t={t} />
      </Stack>
    );
  }
  const link = data && 'url' in data ? parseVideoUrl(data.url) : null;
  if (!link) return <Alert color="yellow">{t.fileMissing}</Alert>;
  return (
    <Stack gap="xs">
      {data.title && <Text fw={500}>{data.title}</Text>}
      <ExternalVideo
        link={link}
        title={data.title}
        t={t}
        onConfirm={() => {
          // The rule is "watched 90%"; the learner's confirmation stands for it.
          onProgress(1);
          onComplete();
        }}
      />
    </Stack>
  );
}

export function VideoEditor({ data, onChange, lang, upload, fileUrl, errors }: EditorProps<VideoData>) {
  const t = texts(lang);
  const hasFile = !!data && 'fileId' in data && !!data.fileId;
  const [mode, setMode] = useState<'upload' | 'link'>(hasFile ? 'upload' : 'link');
  const [raw, setRaw] = useState<string>(data && 'url' in data ? data.url ?? '' : '');
  const [touched, setTouched] = useState(false);
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const title = data?.title ?? '';
  const latestTitle = useLatest(title);
  const sourceLabel = useId();

  const storedUrl = data && 'url' in data ? data.url : undefined;
  // The stored url changed from outside (a reload): show it, unless it is what is being typed.
  useEffect(() => {
    setRaw((current) => (storedUrl !== undefined && storedUrl !== current.trim() ? storedUrl : current));
  }, [storedUrl]);

  const link = raw.trim() ? parseVideoUrl(raw) : null;
  const localError = touched && raw.trim() && !link ? message('content.video.url', lang) : undefined;
  const withTitle = (value: string) => (value.trim() ? { title: value } : {});

  return (
    <Stack gap="sm">
      <div>
        <Text component="div" size="sm" fw={500} mb={4} id={sourceLabel}>
          {t.videoSource}
        </Text>
        <SegmentedControl
          aria-labelledby={sourceLabel}
          value={mode}
          onChange={(v) => setMode(v as 'upload' | 'link')}
          data={[
            { value: 'upload', label: t.videoUpload },
            { value: 'link', label: t.videoLink },
          ]}
        />
      </div>

      {mode === 'upload' ? (
        <>
          <UploadField
            kind="video"
            accept="video/mp4,video/webm,video/ogg"
            label={t.videoFile}
            hint={t.videoFileHint}
            t={t}
            upload={upload}
            required
            currentName={hasFile ? fileName ?? t.videoDefaultTitle : undefined}
            error={errors.fileId}
            onUploaded={(f) => {
              setFileName(f.fileName);
              onChange({ fileId: f.id, ...withTitle(latestTitle.current) });
            }}
          />
          {hasFile && 'fileId' in data && fileUrl(data.fileId) && (
            <video
              controls
              preload="metadata"
              playsInline
              src={fileUrl(data.fileId)}
              aria-label={`${t.preview}: ${title || t.videoDefaultTitle}`}
              style={{ width: '100%', maxHeight: 320, background: '#000' }}
            />
          )}
        </>
      ) : (
        <>
          <TextInput
            label={t.videoUrl}
            description={t.videoUrlHint}
            placeholder="https://www.youtube.com/watch?v=…"
            inputMode="url"
            withAsterisk
            value={raw}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setRaw(value);
              onChange({ url: value.trim(), ...withTitle(title) });
            }}
            onBlur={() => setTouched(true)}
            error={localError ?? errors.url}
          />
          {link && <ExternalVideo link={link} title={title || undefined} t={t} />}
        </>
      )}

      <TextInput
        label={`${t.videoTitle} ${t.optional}`}
        value={title}
        maxLength={200}
        error={errors.title}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (data && 'fileId' in data && data.fileId) onChange({ fileId: data.fileId, ...withTitle(value) });
          else onChange({ url: raw.trim(), ...withTitle(value) });
        }}
      />
    </Stack>
  );
}

export const videoPortal: ContentTypePortal<VideoData> = {
  key: 'video',
  title: { id: 'Video', en: 'Video' },
  initialData: () => ({ url: '' }),
  Viewer: VideoViewer,
  Editor: VideoEditor,
};
