import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ActionIcon, Box, Button, Group, Text, TextInput, Tooltip, Typography } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBlockquote,
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconUnlink,
} from '@tabler/icons-react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import type { EditorProps, ViewerProps } from '@cakap/plugin-sdk/portal';
import type { RichTextData } from '../richtext';
import { texts } from './texts';

/**
 * The rich-text editor (studio only). Loaded on demand by ./richtext.tsx, so that TipTap and
 * ProseMirror never reach a learner's phone.
 */

/** A link the editor accepts: http(s) or mailto; a bare host gets https://. */
function normaliseLink(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol === 'mailto:') return u.href;
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.')) return u.href;
  } catch {
    // fall through
  }
  return null;
}

function ToolButton({
  label,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} withArrow openDelay={400}>
      <ActionIcon
        variant={active ? 'filled' : 'subtle'}
        color={active ? undefined : 'gray'}
        size="lg"
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // keep the selection in the editor
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** Arrow keys move between the toolbar's buttons (WAI-ARIA toolbar pattern). */
function onToolbarKey(e: KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])'));
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at === -1 || buttons.length === 0) return;
  e.preventDefault();
  const next =
    e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (at + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next].focus();
}

function Toolbar({ editor, lang, onLink }: { editor: Editor; lang: ViewerProps<unknown>['lang']; onLink: () => void }) {
  const t = texts(lang);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <Group gap={4} role="toolbar" aria-label={t.toolbar} onKeyDown={onToolbarKey} wrap="wrap">
      <ToolButton label={t.bold} active={state.bold} onClick={() => chain().toggleBold().run()}>
        <IconBold size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.italic} active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <IconItalic size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.heading2} active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        <IconH2 size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.heading3} active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        <IconH3 size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.bulletList} active={state.bullet} onClick={() => chain().toggleBulletList().run()}>
        <IconList size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.orderedList} active={state.ordered} onClick={() => chain().toggleOrderedList().run()}>
        <IconListNumbers size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.blockquote} active={state.quote} onClick={() => chain().toggleBlockquote().run()}>
        <IconBlockquote size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.link} active={state.link} onClick={onLink}>
        <IconLink size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.unlink} disabled={!state.link} onClick={() => chain().extendMarkRange('link').unsetLink().run()}>
        <IconUnlink size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.undo} disabled={!state.canUndo} onClick={() => chain().undo().run()}>
        <IconArrowBackUp size={18} aria-hidden />
      </ToolButton>
      <ToolButton label={t.redo} disabled={!state.canRedo} onClick={() => chain().redo().run()}>
        <IconArrowForwardUp size={18} aria-hidden />
      </ToolButton>
    </Group>
  );
}

function LinkForm({ editor, lang, onClose }: { editor: Editor; lang: ViewerProps<unknown>['lang']; onClose: () => void }) {
  const t = texts(lang);
  const [value, setValue] = useState<string>(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    if (!value.trim()) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    const href = normaliseLink(value);
    if (!href) {
      setError(t.linkInvalid);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose();
  };
  return (
    <Group
      align="flex-end"
      gap="xs"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <TextInput
        label={t.linkUrl}
        description={t.linkUrlHint}
        value={value}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
            editor.commands.focus();
          }
        }}
        error={error}
        placeholder="https://"
        data-autofocus
        autoFocus
        style={{ flex: 1, minWidth: 220 }}
        inputMode="url"
      />
      <Button type="submit" size="sm">
        {t.save}
      </Button>
      <Button
        type="button"
        size="sm"
        variant="default"
        onClick={() => {
          onClose();
          editor.commands.focus();
        }}
      >
        {t.cancel}
      </Button>
    </Group>
  );
}

function editorAttributes(labelId: string, errorId: string | undefined): Record<string, string> {
  return {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    ...(errorId ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
    style: 'min-height: 10rem; padding: 0.75rem; outline-offset: 2px;',
  };
}

export function RichTextEditorImpl({ data, onChange, lang, errors }: EditorProps<RichTextData>) {
  const t = texts(lang);
  const labelId = useId();
  const errorId = useId();
  const [linkOpen, setLinkOpen] = useState(false);
  const lastEmitted = useRef<string>(data?.html ?? '');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const error = errors.html;

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => normaliseLink(url) !== null,
        HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer' },
      }),
    ],
    content: data?.html ?? '',
    editorProps: { attributes: editorAttributes(labelId, error ? errorId : undefined) },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      lastEmitted.current = html;
      onChangeRef.current({ html });
    },
  });

  // A server error appears or goes: tell assistive technology, without recreating the editor.
  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: editorAttributes(labelId, error ? errorId : undefined) } });
  }, [editor, error, labelId, errorId]);

  // Content replaced from outside (a reload, another tab): show it without echoing it back.
  useEffect(() => {
    const html = data?.html ?? '';
    if (editor && html !== lastEmitted.current) {
      lastEmitted.current = html;
      editor.commands.setContent(html, { emitUpdate: false });
    }
  }, [data?.html, editor]);

  return (
    <Box>
      <Text id={labelId} component="div" fw={500} size="sm" mb={4}>
        {t.richtextLabel}
      </Text>
      <Box
        style={{
          border: `1px solid ${error ? 'var(--mantine-color-error)' : 'var(--mantine-color-default-border)'}`,
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        {editor && (
          <Box p={4} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Toolbar editor={editor} lang={lang} onLink={() => setLinkOpen(true)} />
            {linkOpen && (
              <Box p="xs">
                <LinkForm editor={editor} lang={lang} onClose={() => setLinkOpen(false)} />
              </Box>
            )}
          </Box>
        )}
        <Typography>
          <EditorContent editor={editor} />
        </Typography>
      </Box>
      {error && (
        <Text id={errorId} c="red" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Box>
  );
}
