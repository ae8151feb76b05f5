import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Holiday } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { ConfirmDialog } from '../../components/ConfirmDialog/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { formatCalendarDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { useAdminForm } from './useAdminForm';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Public holidays: not working days, so not counted in processing times and appointment dates. */
export function HolidaysSection() {
  const { t, i18n } = useTranslation();
  const [holidays, , replace] = useResource(() => api.holidays(), []);
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState<Holiday | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<FieldProblem | null>(null);
  const form = useAdminForm('holiday');
  const problems = removeError ? [...form.problems, removeError] : form.problems;
  usePageTitle(`${t('admin.holidays.heading')} – ${t('admin.title')}`, problems.length);
  const date = (value: string) => formatCalendarDate(value, i18n.language);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (holidays.state !== 'ready') return;
    setRemoveError(null);
    const found: FieldProblem[] = [];
    if (!ISO_DATE.test(day)) found.push(form.problem('day', t('admin.holidays.dayRequired')));
    if (!name.trim()) found.push(form.problem('name', t('admin.holidays.nameRequired')));
    const list = holidays.data;
    const ok = await form.send(found, async () => {
      const holiday = await api.admin.addHoliday({ day, name: name.trim() });
      replace([...list, holiday]);
      setNotice(t('admin.holidays.added', { day: date(holiday.day) }));
    });
    if (ok) {
      setDay('');
      setName('');
    }
  }

  async function remove() {
    const holiday = removing;
    setRemoving(null);
    if (!holiday || holidays.state !== 'ready') return;
    const list = holidays.data;
    try {
      await api.admin.removeHoliday(holiday.day);
      replace(list.filter((h) => h.day !== holiday.day));
      setRemoveError(null);
      setNotice(t('admin.holidays.removed', { day: date(holiday.day) }));
    } catch (error) {
      setRemoveError(describeError(t, error));
    }
  }

  if (holidays.state === 'loading') return <Loading />;
  if (holidays.state === 'failed')
    return (
      <div className="notice notice--error" role="alert">
        <ErrorText error={holidays.error} />
      </div>
    );
  const sorted = [...holidays.data].sort((a, b) => a.day.localeCompare(b.day));
  return (
    <>
      <ErrorSummary problems={problems} attempt={form.attempt + (removeError ? 1 : 0)} />
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="holidays-caption">
        <table className="table admin-table">
          <caption id="holidays-caption">{t('admin.holidays.caption', { count: sorted.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.holidays.day')}</th>
              <th scope="col">{t('admin.holidays.name')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((holiday) => (
              <tr key={holiday.day}>
                <td>
                  <time dateTime={holiday.day}>{date(holiday.day)}</time>
                </td>
                <td lang={SERVER_LANGUAGE}>{holiday.name}</td>
                <td>
                  <button type="button" className="button button--secondary" onClick={() => setRemoving(holiday)}>
                    {t('admin.holidays.remove')}
                    <span className="visually-hidden"> {date(holiday.day)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form className="admin-form" noValidate onSubmit={add} aria-labelledby="holiday-form-heading">
        <h2 id="holiday-form-heading">{t('admin.holidays.addHeading')}</h2>
        <TextField id={form.id('day')} type="date" className="field__input--short" label={t('admin.holidays.day')} error={form.error('day')} value={day} onChange={setDay} />
        <TextField
          id={form.id('name')}
          label={t('admin.holidays.name')}
          hint={t('admin.holidays.nameHint')}
          error={form.error('name')}
          value={name}
          onChange={setName}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            {t('admin.holidays.add')}
          </button>
        </div>
      </form>

      <ConfirmDialog
        open={removing !== null}
        title={t('admin.holidays.confirmTitle')}
        text={removing ? t('admin.holidays.confirmText', { day: date(removing.day), name: removing.name }) : ''}
        confirmLabel={t('admin.holidays.remove')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
