import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field/Field';
import { yearOptions } from './FiguresSections';
import type { StatisticsFilter } from './statisticsApi';

/** The from-year and to-year choices of a statistics filter, kept in the URL as {@code tu-nam} and {@code den-nam}. */
export function YearRangeFields({
  idPrefix,
  filter,
  update,
}: {
  idPrefix: string;
  filter: StatisticsFilter;
  update: (name: string, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id={`${idPrefix}-from`}
        label={t('statistics.fromYear')}
        placeholder={t('statistics.anyYear')}
        value={filter.fromYear ? String(filter.fromYear) : ''}
        onChange={(value) => update('tu-nam', value)}
        options={yearOptions()}
      />
      <SelectField
        id={`${idPrefix}-to`}
        label={t('statistics.toYear')}
        placeholder={t('statistics.anyYear')}
        value={filter.toYear ? String(filter.toYear) : ''}
        onChange={(value) => update('den-nam', value)}
        options={yearOptions()}
      />
    </>
  );
}
