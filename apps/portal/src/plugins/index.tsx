import { Alert, Text } from '@mantine/core';
import { IconPuzzleOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContentTypePortal, EditorProps, PortalPluginDefinition, ViewerProps } from '@cakap/plugin-sdk/portal';
import plugins from 'virtual:cakap-plugins';

/**
 * The content types of the plugins built into this portal (CAKAP_PLUGINS at build time),
 * by key. A block whose type no enabled plugin provides renders as {@link MissingContentType}.
 */
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- each type has its own data */
export type AnyContentType = ContentTypePortal<any>;

export function indexContentTypes(list: PortalPluginDefinition[]): Map<string, AnyContentType> {
  const map = new Map<string, AnyContentType>();
  for (const p of list) for (const ct of p.contentTypes ?? []) if (!map.has(ct.key)) map.set(ct.key, ct);
  return map;
}

const registry = indexContentTypes(plugins);

/** The portal part of a content type, or undefined when no enabled plugin provides it. */
export function contentTypePortal(key: string): AnyContentType | undefined {
  return registry.get(key);
}

/** Every content type the portal can render, in plugin order. */
export function usePluginContentTypes(): AnyContentType[] {
  return [...registry.values()];
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

/** The plugin Viewer of a block, or the fallback. */
export function BlockViewer({ type, ...props }: ViewerProps<unknown> & { type: string }) {
  const ct = contentTypePortal(type);
  if (!ct) return <MissingContentType type={type} />;
  const Viewer = ct.Viewer;
  return <Viewer {...props} />;
}

/** The plugin Editor of a block, or the fallback. */
export function BlockEditor({ type, ...props }: EditorProps<unknown> & { type: string }) {
  const ct = contentTypePortal(type);
  if (!ct) return <MissingContentType type={type} />;
  const Editor = ct.Editor;
  return <Editor {...props} />;
}
