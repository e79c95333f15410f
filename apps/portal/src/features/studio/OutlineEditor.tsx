import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Grid, Group, Menu, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowsExchange, IconChevronDown, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContentTypeInfo, CourseContent } from '@cakap/contracts';
import type { UploadedFile } from '@cakap/plugin-sdk/portal';
import { BlockEditor, contentTypePortal, usePluginContentTypes } from '../../plugins';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useLang } from '../../i18n/useLang';
import { move, moveLesson, newKey, type ContentErrors } from './draft';
import { SortableList, SortableTree } from './Sortable';

type Module = CourseContent['modules'][number];
type Lesson = Module['lessons'][number];
type Block = Lesson['blocks'][number];

interface Props {
  content: CourseContent;
  onChange: (content: CourseContent) => void;
  errors: ContentErrors;
  readOnly: boolean;
  contentTypes: ContentTypeInfo[];
  fileUrl: (id: string) => string | undefined;
  upload: (file: File, kind: 'image' | 'video' | 'document') => Promise<UploadedFile>;
  selected: string | undefined;
  onSelect: (lessonKey: string) => void;
}

type Pending = { kind: 'module'; mi: number } | { kind: 'lesson'; mi: number; li: number } | { kind: 'block'; mi: number; li: number; bi: number } | null;

/** Modules → lessons on one side, the chosen lesson's blocks (plugin editors) on the other. */
export function OutlineEditor({ content, onChange, errors, readOnly, contentTypes, fileUrl, upload, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const portalTypes = usePluginContentTypes();
  const [pending, setPending] = useState<Pending>(null);
  // After a lesson changes module: say so, and put focus back on it in its new place.
  const [moved, setMoved] = useState<{ key: string; message: string } | null>(null);
  useEffect(() => {
    if (!moved) return;
    const id = window.setTimeout(() => document.querySelector<HTMLElement>(`[data-lesson-key="${moved.key}"]`)?.focus(), 0);
    return () => window.clearTimeout(id);
  }, [moved]);

  const modules = content.modules;
  const setModules = (next: Module[]) => onChange({ modules: next });
  const setModule = (mi: number, m: Module) => setModules(modules.map((x, i) => (i === mi ? m : x)));
  const setLesson = (mi: number, li: number, l: Lesson) => setModule(mi, { ...modules[mi], lessons: modules[mi].lessons.map((x, i) => (i === li ? l : x)) });

  let selMi = -1;
  let selLi = -1;
  modules.forEach((m, mi) =>
    m.lessons.forEach((l, li) => {
      if (l.key === selected) {
        selMi = mi;
        selLi = li;
      }
    }),
  );
  if (selMi < 0 && modules.some((m) => m.lessons.length)) {
    selMi = modules.findIndex((m) => m.lessons.length);
    selLi = 0;
  }
  const selLesson = selMi >= 0 ? modules[selMi].lessons[selLi] : undefined;

  const moveToModule = (lesson: Lesson, toMi: number) => {
    const target = modules[toMi];
    onChange(moveLesson(content, lesson.key, target.key));
    onSelect(lesson.key);
    setMoved({
      key: lesson.key,
      message: t('outline.movedToModule', { lesson: lesson.title || t('outline.untitled'), module: t('outline.moduleName', { n: String(toMi + 1), title: target.title }) }),
    });
  };

  const addModule = () => {
    const lesson: Lesson = { key: newKey(), title: t('outline.newLesson'), blocks: [] };
    setModules([...modules, { key: newKey(), title: t('outline.newModule'), lessons: [lesson] }]);
    onSelect(lesson.key);
  };
  const addLesson = (mi: number) => {
    const lesson: Lesson = { key: newKey(), title: t('outline.newLesson'), blocks: [] };
    setModule(mi, { ...modules[mi], lessons: [...modules[mi].lessons, lesson] });
    onSelect(lesson.key);
  };
  // The api lists what the server accepts; the portal needs the same plugin to edit it.
  const offered = (contentTypes.length ? contentTypes : portalTypes.map((p) => ({ key: p.key, title: p.title }) as ContentTypeInfo)).filter((ct) =>
    contentTypePortal(ct.key),
  );
  const typeTitle = (key: string) => {
    const info = contentTypes.find((c) => c.key === key) ?? contentTypePortal(key);
    return info ? info.title[lang] : key;
  };
  const addBlock = (type: string) => {
    if (!selLesson) return;
    const ct = contentTypePortal(type);
    if (!ct) return;
    setLesson(selMi, selLi, { ...selLesson, blocks: [...selLesson.blocks, { key: newKey(), type, data: ct.initialData() }] });
  };
  const setBlock = (bi: number, b: Block) => {
    if (!selLesson) return;
    setLesson(selMi, selLi, { ...selLesson, blocks: selLesson.blocks.map((x, i) => (i === bi ? b : x)) });
  };

  const confirmDelete = () => {
    if (!pending) return;
    if (pending.kind === 'module') setModules(modules.filter((_, i) => i !== pending.mi));
    else if (pending.kind === 'lesson') setModule(pending.mi, { ...modules[pending.mi], lessons: modules[pending.mi].lessons.filter((_, i) => i !== pending.li) });
    else {
      const l = modules[pending.mi].lessons[pending.li];
      setLesson(pending.mi, pending.li, { ...l, blocks: l.blocks.filter((_, i) => i !== pending.bi) });
    }
    setPending(null);
  };
  const pendingName =
    pending?.kind === 'module'
      ? modules[pending.mi]?.title
      : pending?.kind === 'lesson'
        ? modules[pending.mi]?.lessons[pending.li]?.title
        : pending?.kind === 'block'
          ? typeTitle(modules[pending.mi]?.lessons[pending.li]?.blocks[pending.bi]?.type ?? '')
          : '';

  return (
    <>
      {errors.other.length > 0 && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {errors.other.map((m, i) => (
            <Text size="sm" key={i}>
              {m}
            </Text>
          ))}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm" component="section" aria-labelledby="outline-structure">
            <Title order={2} fz="h4" id="outline-structure">
              {t('outline.structure')}
            </Title>
            {modules.length === 0 && <Text c="dimmed">{t('outline.empty')}</Text>}
            <span className="visually-hidden" role="status" aria-live="polite">
              {moved?.message ?? ''}
            </span>
            <SortableTree
              groups={modules}
              disabled={readOnly}
              groupName={(m, i) => t('outline.moduleName', { n: String(i + 1), title: m.title })}
              childName={(l, i) => t('outline.lessonName', { n: String(i + 1), title: l.title })}
              onMoveGroup={(from, to) => setModules(move(modules, from, to))}
              onMoveChild={(lessonKey, toModuleKey, index) => onChange(moveLesson(content, lessonKey, toModuleKey, index))}
              emptyLabel={t('outline.dropHere')}
              renderChild={(l, li, m, mi, lc) => {
                const active = selLesson?.key === l.key;
                return (
                  <Group gap={2} wrap="nowrap" py={2} style={{ borderRadius: 6, background: active ? 'var(--mantine-color-cakap-0)' : undefined }}>
                    {lc.handle}
                    <Button
                      variant="subtle"
                      color={errors.titles[l.key] ? 'red.9' : undefined}
                      justify="flex-start"
                      style={{ flex: 1, minWidth: 0 }}
                      aria-current={active ? 'true' : undefined}
                      data-lesson-key={l.key}
                      onClick={() => onSelect(l.key)}
                    >
                      <Text span truncate size="sm" fw={active ? 700 : 500}>
                        {li + 1}. {l.title || t('outline.untitled')}
                      </Text>
                    </Button>
                    {lc.arrows}
                    {!readOnly && modules.length > 1 && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('outline.moveLesson', { name: t('outline.lessonName', { n: String(li + 1), title: l.title }) })}>
                            <IconArrowsExchange size={16} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Label>{t('outline.moveToModule')}</Menu.Label>
                          {modules.map((target, ti) =>
                            ti === mi ? null : (
                              <Menu.Item key={target.key} onClick={() => moveToModule(l, ti)}>
                                {t('outline.moduleName', { n: String(ti + 1), title: target.title || t('outline.untitled') })}
                              </Menu.Item>
                            ),
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('outline.deleteLesson', { title: l.title })} onClick={() => setPending({ kind: 'lesson', mi, li })}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                );
              }}
              renderGroup={(m, mi, c, lessons) => (
                <Paper withBorder p="sm" mb="sm" component="section" aria-label={t('outline.moduleName', { n: String(mi + 1), title: m.title })}>
                  <Stack gap="xs">
                    <Group gap={4} wrap="nowrap" align="flex-end">
                      {c.handle}
                      <TextInput
                        style={{ flex: 1 }}
                        label={t('outline.moduleTitle', { n: String(mi + 1) })}
                        value={m.title}
                        readOnly={readOnly}
                        error={errors.titles[m.key]}
                        onChange={(e) => setModule(mi, { ...m, title: e.currentTarget.value })}
                      />
                    </Group>
                    {!readOnly && (
                      <Group gap={4} justify="flex-end">
                        {c.arrows}
                        <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('outline.deleteModule', { title: m.title })} onClick={() => setPending({ kind: 'module', mi })}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    )}
                    <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-cakap-1)' }}>
                      {lessons}
                      {!readOnly && (
                        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => addLesson(mi)} w="fit-content">
                          {t('outline.addLesson')}
                        </Button>
                      )}
                    </Stack>
                  </Stack>
                </Paper>
              )}
            />
            {!readOnly && (
              <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={addModule} w="fit-content">
                {t('outline.addModule')}
              </Button>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 7 }}>
          {selLesson ? (
            <Stack gap="sm" component="section" aria-labelledby="outline-lesson">
              <Title order={2} fz="h4" id="outline-lesson">
                {t('outline.lessonHeading', { title: selLesson.title || t('outline.untitled') })}
              </Title>
              <TextInput
                label={t('outline.lessonTitle')}
                value={selLesson.title}
                readOnly={readOnly}
                error={errors.titles[selLesson.key]}
                onChange={(e) => setLesson(selMi, selLi, { ...selLesson, title: e.currentTarget.value })}
              />
              {selLesson.blocks.length === 0 && <Text c="dimmed">{t('outline.noBlocks')}</Text>}
              <SortableList
                items={selLesson.blocks}
                disabled={readOnly}
                nameOf={(b, i) => t('outline.blockName', { n: String(i + 1), type: typeTitle(b.type) })}
                onMove={(from, to) => setLesson(selMi, selLi, { ...selLesson, blocks: move(selLesson.blocks, from, to) })}
              >
                {(b, bi, c) => {
                  const blockErrors = errors.blocks[b.key] ?? {};
                  return (
                    <Paper
                      withBorder
                      p="sm"
                      mb="sm"
                      component="section"
                      aria-label={t('outline.blockName', { n: String(bi + 1), type: typeTitle(b.type) })}
                      style={Object.keys(blockErrors).length ? { borderColor: 'var(--mantine-color-red-9)' } : undefined}
                      data-block-type={b.type}
                    >
                      <Group justify="space-between" gap={4} mb="xs" wrap="nowrap">
                        <Group gap={4} wrap="nowrap">
                          {c.handle}
                          <Badge variant="light">{`${bi + 1}. ${typeTitle(b.type)}`}</Badge>
                        </Group>
                        {!readOnly && (
                          <Group gap={2} wrap="nowrap">
                            {c.arrows}
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              size="lg"
                              aria-label={t('outline.deleteBlock', { name: t('outline.blockName', { n: String(bi + 1), type: typeTitle(b.type) }) })}
                              onClick={() => setPending({ kind: 'block', mi: selMi, li: selLi, bi })}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Group>
                        )}
                      </Group>
                      {blockErrors._ && (
                        <Text size="sm" c="red.9" role="alert" mb="xs">
                          {blockErrors._}
                        </Text>
                      )}
                      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                        <BlockEditor
                          type={b.type}
                          data={b.data}
                          lang={lang}
                          errors={blockErrors}
                          fileUrl={fileUrl}
                          upload={upload}
                          onChange={(data) => setBlock(bi, { ...b, data })}
                        />
                      </fieldset>
                    </Paper>
                  );
                }}
              </SortableList>
              {!readOnly && (
                <Menu position="bottom-start" withinPortal>
                  <Menu.Target>
                    <Button leftSection={<IconPlus size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} w="fit-content">
                      {t('outline.addBlock')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {offered.map((ct) => (
                      <Menu.Item key={ct.key} onClick={() => addBlock(ct.key)}>
                        {ct.title[lang]}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Stack>
          ) : (
            <Text c="dimmed">{t('outline.pickLesson')}</Text>
          )}
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={!!pending}
        title={t('outline.deleteTitle')}
        confirmLabel={t('common.delete')}
        onConfirm={confirmDelete}
        onClose={() => setPending(null)}
      >
        {t('outline.deleteText', { name: pendingName })}
      </ConfirmModal>
    </>
  );
}
