import type { TFunction } from 'i18next';
import type { Lang, ProgrammeReport } from '@cakap/contracts';
import { formatDecimal, formatPercent } from './format';

type Aspect = ProgrammeReport['aspects'][number];

/**
 * An aspect key of the programme overview in words: `satisfaction.<dimension>` uses the survey
 * editor's names, `followUp.<dimension>` the follow-up's, `result.<figure>` the report's own.
 * A key this portal does not know yet (a newer api) is shown as it is rather than hidden.
 */
export function aspectLabel(key: string, t: TFunction): string {
  const [kind, name] = key.split('.');
  const i18nKey =
    kind === 'satisfaction' ? `surveyEditor.dimensions.${name}` : kind === 'followUp' ? `reports.followUpDimensions.${name}` : kind === 'result' ? `reports.aspects.result.${name}` : null;
  return i18nKey ? t(i18nKey as never, { defaultValue: key }) : key;
}

/** The figure as measured: a Likert mean "4,2 dari 5", a rate "66,7%", a gain "0,45". */
export function aspectValue(aspect: Aspect, lang: Lang, t: TFunction): string {
  if (aspect.kind !== 'result') return t('reports.outOf5', { value: formatDecimal(aspect.value, lang) });
  return aspect.key === 'result.normalisedGain' ? formatDecimal(aspect.value, lang, 2) : formatPercent(aspect.value, lang);
}
