import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, PROGRAMMES, type Agency, type FundingCall, type Programme } from '../../api';
import { SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField, TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { formatCalendarDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { useAdminForm, wholeNumber } from './useAdminForm';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function loadCalls() {
  const [calls, agencies] = await Promise.all([api.fundingCalls(), api.agencies().catch(() => [] as Agency[])]);
  return { calls, agencies };
}

/** The programmes' calls for dossiers: a dossier can be submitted only while its call is open. */
export function CallsSection() {
  const { t, i18n } = useTranslation();
  const [data, , replace] = useResource(loadCalls, []);
  const [programme, setProgramme] = useState('');
  const [year, setYear] = useState('');
  const [name, setName] = useState('');
  const [agencyCode, setAgencyCode] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [added, setAdded] = useState<FundingCall | null>(null);
  const form = useAdminForm('call');
  usePageTitle(`${t('admin.calls.heading')} – ${t('admin.title')}`, form.problems.length);
  const date = (value: string) => formatCalendarDate(value, i18n.language);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (data.state !== 'ready') return;
    const found: FieldProblem[] = [];
    if (!PROGRAMMES.includes(programme as Programme)) found.push(form.problem('programme', t('admin.calls.programmeRequired')));
    const planYear = wholeNumber(year);
    if (planYear === undefined || planYear < 2012 || planYear > 2100) found.push(form.problem('year', t('admin.calls.yearRange')));
    if (!name.trim()) found.push(form.problem('name', t('admin.calls.nameRequired')));
    if (!agencyCode) found.push(form.problem('agencyCode', t('admin.calls.agencyRequired')));
    if (!ISO_DATE.test(opensOn)) found.push(form.problem('opensOn', t('admin.calls.opensRequired')));
    if (!ISO_DATE.test(closesOn)) found.push(form.problem('closesOn', t('admin.calls.closesRequired')));
    else if (ISO_DATE.test(opensOn) && closesOn < opensOn) found.push(form.problem('closesOn', t('admin.calls.closesAfterOpens')));
    const current = data.data;
    const ok = await form.send(found, async () => {
      const call = await api.admin.addFundingCall({
        programme: programme as Programme,
        year: planYear ?? 0,
        name: name.trim(),
        agencyCode,
        opensOn,
        closesOn,
      });
      replace({ ...current, calls: [...current.calls, call] });
      setAdded(call);
    });
    if (ok) {
      setName('');
      setYear('');
      setOpensOn('');
      setClosesOn('');
    }
  }

  if (data.state === 'loading') return <Loading />;
  if (data.state === 'failed')
    return (
      <div className="notice notice--error" role="alert">
        <ErrorText error={data.error} />
      </div>
    );
  const agencyName = (code: string) => data.data.agencies.find((a) => a.code === code)?.name ?? code;
  const calls = [...data.data.calls].sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  return (
    <>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      {added ? (
        <div className="notice notice--success" role="status">
          <p lang={SERVER_LANGUAGE}>{t('admin.saved', { name: added.name })}</p>
        </div>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="calls-caption">
        <table className="table admin-table">
          <caption id="calls-caption">{t('admin.calls.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.calls.name')}</th>
              <th scope="col">{t('admin.calls.programme')}</th>
              <th scope="col">{t('admin.calls.year')}</th>
              <th scope="col">{t('admin.calls.agency')}</th>
              <th scope="col">{t('admin.calls.period')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.id}>
                <td lang={SERVER_LANGUAGE}>{call.name}</td>
                <td>{t(`programme.${call.programme}`)}</td>
                <td>{call.year}</td>
                <td lang={SERVER_LANGUAGE}>{agencyName(call.agencyCode)}</td>
                <td>{t('admin.calls.fromTo', { opens: date(call.opensOn), closes: date(call.closesOn) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form className="admin-form" noValidate onSubmit={add} aria-labelledby="call-form-heading">
        <h2 id="call-form-heading">{t('admin.calls.addHeading')}</h2>
        <SelectField
          id={form.id('programme')}
          label={t('admin.calls.programme')}
          placeholder={t('form.choose')}
          error={form.error('programme')}
          value={programme}
          onChange={setProgramme}
          options={PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
        />
        <TextField id={form.id('year')} className="field__input--short" inputMode="numeric" label={t('admin.calls.year')} error={form.error('year')} value={year} onChange={setYear} />
        <TextField id={form.id('name')} label={t('admin.calls.name')} error={form.error('name')} value={name} onChange={setName} />
        <SelectField
          id={form.id('agencyCode')}
          label={t('admin.calls.agency')}
          placeholder={t('form.choose')}
          error={form.error('agencyCode')}
          value={agencyCode}
          onChange={setAgencyCode}
          options={data.data.agencies.map((a) => ({ value: a.code, label: `${a.name} (${a.code})`, lang: SERVER_LANGUAGE }))}
        />
        <TextField id={form.id('opensOn')} type="date" className="field__input--short" label={t('admin.calls.opensOn')} error={form.error('opensOn')} value={opensOn} onChange={setOpensOn} />
        <TextField id={form.id('closesOn')} type="date" className="field__input--short" label={t('admin.calls.closesOn')} error={form.error('closesOn')} value={closesOn} onChange={setClosesOn} />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            {t('admin.calls.add')}
          </button>
        </div>
      </form>
    </>
  );
}
