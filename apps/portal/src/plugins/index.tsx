import { Suspense } from 'react';
import { Alert, Loader, Text } from '@mantine/core';
import { IconPuzzleOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  CertificateTemplatePortal,
  ContentTypePortal,
  EditorProps,
  PortalPluginDefinition,
  QuestionAnswerProps,
  QuestionEditorProps,
  QuestionReviewProps,
  QuestionTypePortal,
  ViewerProps,
} from '@cakap/plugin-sdk/portal';
import plugins from 'virtual:cakap-plugins';
import { corePortalPlugin } from './core';

/**
 * The content types and question types of the plugins built into this portal (CAKAP_PLUGINS
 * at build time), by key, after the core's own (the `quiz` block). The first to claim a key
 * wins, as in the api's registry. A block or question whose type nobody provides renders as a
 * fallback that says so.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- each type has its own data */
export type AnyContentType = ContentTypePortal<any>;
export type AnyQuestionType = QuestionTypePortal<any, any, any, any>;
export type AnyCertificateTemplate = CertificateTemplatePortal<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export function indexContentTypes(list: PortalPluginDefinition[]): Map<string, AnyContentType> {
  const map = new Map<string, AnyContentType>();
  for (const p of list) for (const ct of p.contentTypes ?? []) if (!map.has(ct.key)) map.set(ct.key, ct);
  return map;
}

export function indexQuestionTypes(list: PortalPluginDefinition[]): Map<string, AnyQuestionType> {
  const map = new Map<string, AnyQuestionType>();
  for (const p of list) for (const qt of p.questionTypes ?? []) if (!map.has(qt.key)) map.set(qt.key, qt);
  return map;
}

export function indexCertificateTemplates(list: PortalPluginDefinition[]): Map<string, AnyCertificateTemplate> {
  const map = new Map<string, AnyCertificateTemplate>();
  for (const p of list) for (const ct of p.certificateTemplates ?? []) if (!map.has(ct.key)) map.set(ct.key, ct);
  return map;
}

const all = [corePortalPlugin, ...plugins];
const registry = indexContentTypes(all);
const questionRegistry = indexQuestionTypes(all);
const certificateTemplateRegistry = indexCertificateTemplates(all);

/** The portal part of a content type, or undefined when no enabled plugin provides it. */
export function contentTypePortal(key: string): AnyContentType | undefined {
  return registry.get(key);
}

/** Every content type the portal can render, core first, then in plugin order. */
export function usePluginContentTypes(): AnyContentType[] {
  return [...registry.values()];
}

/** The portal part of a question type, or undefined when no enabled plugin provides it. */
export function questionTypePortal(key: string): AnyQuestionType | undefined {
  return questionRegistry.get(key);
}

/** Every question type the portal can show, in plugin order. */
export function usePluginQuestionTypes(): AnyQuestionType[] {
  return [...questionRegistry.values()];
}

/**
 * The configuration form of a certificate template type (the `templateKey` of GET
 * /certificate-template-types), or undefined when no plugin built into this portal provides one.
 */
export function certificateTemplateEditor(key: string): AnyCertificateTemplate['ConfigEditor'] | undefined {
  return certificateTemplateRegistry.get(key)?.ConfigEditor;
}

/** Shown instead of a block whose type this portal does not have. */
export function MissingContentType({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconPuzzleOff aria-hidden />} title={t('plugins.missingTitle')}>
      <Text size="sm">{t('plugins.missingText', { type })}</Text>
    </Alert>
  );
}

/** Shown instead of a question whose type this portal does not have. */
export function MissingQuestionType({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconPuzzleOff aria-hidden />} title={t('plugins.missingQuestionTitle')}>
      <Text size="sm">{t('plugins.missingQuestionText', { type })}</Text>
    </Alert>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <Loader size="sm" aria-label={t('app.loading')} />;
}

/** The plugin Viewer of a block, or the fallback. */
export function BlockViewer({ type, ...props }: ViewerProps<unknown> & { type: string }) {
  const ct = contentTypePortal(type);
  if (!ct) return <MissingContentType type={type} />;
  const Viewer = ct.Viewer;
  return (
    <Suspense fallback={<Loading />}>
      <Viewer {...props} />
    </Suspense>
  );
}

/** The plugin Editor of a block, or the fallback. */
export function BlockEditor({ type, ...props }: EditorProps<unknown> & { type: string }) {
  const ct = contentTypePortal(type);
  if (!ct) return <MissingContentType type={type} />;
  const Editor = ct.Editor;
  return (
    <Suspense fallback={<Loading />}>
      <Editor {...props} />
    </Suspense>
  );
}

/** The learner answering a question, through its type's Answer component, or the fallback. */
export function QuestionAnswer({ type, ...props }: QuestionAnswerProps<unknown, unknown> & { type: string }) {
  const qt = questionTypePortal(type);
  if (!qt) return <MissingQuestionType type={type} />;
  const Answer = qt.Answer;
  return <Answer {...props} />;
}

/** The learner's answer against the key, after submission, or the fallback. */
export function QuestionReview({ type, ...props }: QuestionReviewProps<unknown, unknown, unknown> & { type: string }) {
  const qt = questionTypePortal(type);
  if (!qt) return <MissingQuestionType type={type} />;
  const Review = qt.Review;
  return <Review {...props} />;
}

/** The author editing a question's data, or the fallback. */
export function QuestionEditor({ type, ...props }: QuestionEditorProps<unknown> & { type: string }) {
  const qt = questionTypePortal(type);
  if (!qt) return <MissingQuestionType type={type} />;
  const Editor = qt.Editor;
  return <Editor {...props} />;
}
