import { useState } from 'react';
import { ActionIcon, Button, ColorInput, Fieldset, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { CertificateConfigEditorProps, CertificateTemplatePortal } from '@cakap/plugin-sdk/portal';
import type { SttpConfig } from '../sttp';
import { contrastOnWhite, HEX_COLOR, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST } from '../contrast';
import { SIGNER_NIP } from '../nip';
import { fill, message, texts } from './texts';

const MAX_ISSUER_LINES = 3;

/**
 * The `sttp` configuration form. It reports every keystroke (the portal re-renders the live
 * preview from it) and shows the schema's own rules early: colours as soon as they are picked,
 * the NIP once the field is left. Server errors (`errors`) come after a save or preview.
 */
export function SttpConfigEditor({ value, onChange, errors, lang }: CertificateConfigEditorProps<SttpConfig>) {
  const t = texts(lang);
  const [nipTouched, setNipTouched] = useState(false);
  const set = <K extends keyof SttpConfig>(key: K, v: SttpConfig[K]) => onChange({ ...value, [key]: v });
  const text = (key: { [K in keyof SttpConfig]: SttpConfig[K] extends string ? K : never }[keyof SttpConfig], label: string, props: { description?: string; maxLength: number; required?: boolean }) => (
    <TextInput
      label={props.required === false ? `${label} ${t.optional}` : label}
      description={props.description}
      withAsterisk={props.required !== false}
      maxLength={props.maxLength}
      value={value[key] ?? ''}
      error={errors[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
    />
  );
  const colorError = (c: string, min: number, tooLight: 'certificate.sttp.textContrast' | 'certificate.sttp.accentContrast') =>
    !HEX_COLOR.test(c) ? message('certificate.sttp.color', lang) : contrastOnWhite(c) < min ? message(tooLight, lang) : undefined;
  const nipError = nipTouched && !SIGNER_NIP.test(value.signerNip.trim()) ? message('certificate.sttp.signerNip', lang) : errors.signerNip;
  const lines = value.issuerLines;

  return (
    <Stack gap="md">
      <Fieldset legend={t.letterhead}>
        <Stack gap="xs">
          {lines.map((line, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={fill(t.issuerLine, { n: i + 1 })}
                description={i === 0 ? t.letterheadHint : undefined}
                withAsterisk
                maxLength={90}
                value={line}
                error={errors[`issuerLines.${i}`]}
                onChange={(e) => set('issuerLines', lines.map((l, j) => (j === i ? e.currentTarget.value : l)))}
              />
              {lines.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={fill(t.removeLine, { n: i + 1 })}
                  onClick={() => set('issuerLines', lines.filter((_, j) => j !== i))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          {lines.length < MAX_ISSUER_LINES && (
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => set('issuerLines', [...lines, ''])} style={{ alignSelf: 'flex-start' }}>
              {t.addLine}
            </Button>
          )}
          {text('address', t.address, { maxLength: 160, required: false })}
        </Stack>
      </Fieldset>

      <Fieldset legend={t.wording}>
        <Stack gap="xs">
          {text('title', t.title, { description: t.titleHint, maxLength: 60 })}
          {text('awardedText', t.awardedText, { maxLength: 80 })}
          {text('completedText', t.completedText, { maxLength: 120 })}
          {text('organizedText', t.organizedText, { description: t.organizedHint, maxLength: 160 })}
          {text('place', t.place, { description: t.placeHint, maxLength: 60 })}
        </Stack>
      </Fieldset>

      <Fieldset legend={t.signer}>
        <Stack gap="xs">
          {text('signerTitle', t.signerTitle, { maxLength: 120 })}
          {text('signerName', t.signerName, { description: t.signerNameHint, maxLength: 120 })}
          {text('signerRank', t.signerRank, { maxLength: 60, required: false })}
          <TextInput
            label={t.signerNip}
            description={t.signerNipHint}
            withAsterisk
            inputMode="numeric"
            autoComplete="off"
            maxLength={21}
            value={value.signerNip}
            error={nipError}
            onChange={(e) => set('signerNip', e.currentTarget.value)}
            onBlur={() => setNipTouched(true)}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t.look}>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <ColorInput
              label={t.primaryColor}
              description={t.primaryColorHint}
              withAsterisk
              format="hex"
              // Its eye-dropper button has no accessible name (axe button-name): typing or picking suffices.
              withEyeDropper={false}
              value={value.primaryColor}
              error={colorError(value.primaryColor, MIN_TEXT_CONTRAST, 'certificate.sttp.textContrast') ?? errors.primaryColor}
              onChange={(c) => set('primaryColor', c)}
            />
            <ColorInput
              label={t.accentColor}
              description={t.accentColorHint}
              withAsterisk
              format="hex"
              // Its eye-dropper button has no accessible name (axe button-name): typing or picking suffices.
              withEyeDropper={false}
              value={value.accentColor}
              error={colorError(value.accentColor, MIN_GRAPHIC_CONTRAST, 'certificate.sttp.accentContrast') ?? errors.accentColor}
              onChange={(c) => set('accentColor', c)}
            />
          </SimpleGrid>
          <Switch label={t.showBorder} checked={value.showBorder} onChange={(e) => set('showBorder', e.currentTarget.checked)} />
        </Stack>
      </Fieldset>
    </Stack>
  );
}

export const sttpPortal: CertificateTemplatePortal<SttpConfig> = { key: 'sttp', ConfigEditor: SttpConfigEditor };
