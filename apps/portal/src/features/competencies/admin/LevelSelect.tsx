import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { levelOptions } from './standardsDraft';

interface Props {
  /** Names the select for screen readers (the table's headers name it for sighted users). */
  label: string;
  value: number;
  maxLevel: number;
  onChange: (level: number) => void;
  disabled?: boolean;
}

/** A required level: 0 ("tidak disyaratkan") up to the competency's highest level. A native select: quick on phones. */
export function LevelSelect({ label, value, maxLevel, onChange, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={label}
      size="xs"
      value={String(value)}
      disabled={disabled}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={levelOptions(Math.max(maxLevel, value)).map((level) => ({
        value: String(level),
        label: level === 0 ? t('competencyAdmin.standards.notRequired') : t('competencyAdmin.standards.levelOption', { level }),
      }))}
      miw={140}
    />
  );
}
