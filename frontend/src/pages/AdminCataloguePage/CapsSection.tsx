import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SupportCapPeriod } from '../../api';
import { SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField, TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { formatCalendarDate } from '../../lib/format';
import { formatVnd, parseVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { useAdminForm, wholeNumber } from './useAdminForm';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Support caps per kind of support. A new cap applies from a date; the server closes the cap in
 * force the day before, so dossiers keep the cap of the day they were judged.
 */
export function CapsSection() {
  const { t, i18n } = useTranslation();
  const [contents] = useResource(() => api.catalogueContents(), []);
  const [contentCode, setContentCode] = useState('');
  const [detail, reloadDetail] = useResource(contentCode ? () => api.contentDetail(contentCode) : null, [contentCode]);
  const [kindCode, setKindCode] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [percent, setPercent] = useState('');
  const [amount, setAmount] = useState('');
  const [periods, setPeriods] = useState<SupportCapPeriod[] | null>(null);
  const form = useAdminForm('cap');
  usePageTitle(`${t('admin.caps.heading')} – ${t('admin.title')}`, form.problems.length);

  const money = (value: number | null | undefined) => (value == null ? t('admin.caps.noAmount') : formatVnd(value, i18n.language));
  const date = (value: string | null | undefined) => (value ? formatCalendarDate(value, i18n.language) : t('admin.caps.openEnded'));
  const kinds = detail.state === 'ready' && contentCode ? detail.data.supportKinds : [];

  async function add(event: FormEvent) {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (!kindCode) found.push(form.problem('kindCode', t('admin.caps.kindRequired')));
    if (!ISO_DATE.test(from)) found.push(form.problem('effectiveFrom', t('admin.caps.fromRequired')));
    if (to && ISO_DATE.test(from) && to < from) found.push(form.problem('effectiveTo', t('admin.caps.toAfterFrom')));
    const maxPercent = wholeNumber(percent);
    if (maxPercent === undefined || maxPercent < 1 || maxPercent > 100) found.push(form.problem('maxPercent', t('admin.caps.percentRange')));
    const parsedAmount = amount.trim() ? parseVnd(amount) : null;
    if (parsedAmount && !parsedAmount.ok) found.push(form.problem('maxAmount', t('admin.caps.amountInvalid')));
    const ok = await form.send(found, async () => {
      const result = await api.admin.addSupportCap({
        kindCode,
        effectiveFrom: from,
        ...(to ? { effectiveTo: to } : {}),
        maxPercent: maxPercent ?? 0,
        ...(parsedAmount?.ok ? { maxAmount: parsedAmount.value } : {}),
      });
      setPeriods(result);
    });
    if (ok) {
      setFrom('');
      setTo('');
      setPercent('');
      setAmount('');
      reloadDetail();
    }
  }

  if (contents.state === 'failed')
    return (
      <div className="notice notice--error" role="alert">
        <ErrorText error={contents.error} />
      </div>
    );
  return (
    <>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <SelectField
        id="cap-content"
        label={t('admin.caps.content')}
        placeholder={contents.state === 'loading' ? t('common.loading') : t('form.choose')}
        value={contentCode}
        onChange={(value) => {
          setContentCode(value);
          setKindCode('');
          setPeriods(null);
        }}
        options={contents.state === 'ready' ? contents.data.map((c) => ({ value: c.code, label: c.name, lang: SERVER_LANGUAGE })) : []}
      />
      {contentCode && detail.state === 'loading' ? <Loading /> : null}
      {detail.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <ErrorText error={detail.error} />
        </div>
      ) : null}
      {kinds.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="caps-caption">
          <table className="table admin-table">
            <caption id="caps-caption">{t('admin.caps.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.caps.kind')}</th>
                <th scope="col">{t('admin.caps.maxPercent')}</th>
                <th scope="col">{t('admin.caps.maxAmount')}</th>
                <th scope="col">{t('admin.caps.legalBasis')}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map(({ kind, currentCap }) => (
                <tr key={kind.code}>
                  <td lang={SERVER_LANGUAGE}>{kind.name}</td>
                  <td>{currentCap ? `${currentCap.maxPercent}%` : t('admin.caps.none')}</td>
                  <td>{currentCap ? money(currentCap.maxAmount) : t('admin.caps.none')}</td>
                  <td lang={SERVER_LANGUAGE}>{kind.legalBasis ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {periods ? (
        <section aria-labelledby="periods-heading" className="notice notice--success" role="status" aria-live="polite">
          <h2 id="periods-heading" className="notice__title">
            {t('admin.caps.added')}
          </h2>
          <ul>
            {periods.map((p) => (
              <li key={p.effectiveFrom}>
                {t('admin.caps.period', { from: date(p.effectiveFrom), to: date(p.effectiveTo), percent: p.maxPercent, amount: money(p.maxAmount) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {kinds.length > 0 ? (
        <form className="admin-form" noValidate onSubmit={add} aria-labelledby="cap-form-heading">
          <h2 id="cap-form-heading">{t('admin.caps.addHeading')}</h2>
          <p>{t('admin.caps.addLead')}</p>
          <SelectField
            id={form.id('kindCode')}
            label={t('admin.caps.kind')}
            placeholder={t('form.choose')}
            error={form.error('kindCode')}
            value={kindCode}
            onChange={setKindCode}
            options={kinds.map(({ kind }) => ({ value: kind.code, label: kind.name, lang: SERVER_LANGUAGE }))}
          />
          <TextField id={form.id('effectiveFrom')} type="date" className="field__input--short" label={t('admin.caps.from')} error={form.error('effectiveFrom')} value={from} onChange={setFrom} />
          <TextField
            id={form.id('effectiveTo')}
            type="date"
            className="field__input--short"
            label={`${t('admin.caps.to')} (${t('form.optional')})`}
            error={form.error('effectiveTo')}
            value={to}
            onChange={setTo}
          />
          <TextField
            id={form.id('maxPercent')}
            className="field__input--short"
            inputMode="numeric"
            label={t('admin.caps.maxPercentLabel')}
            error={form.error('maxPercent')}
            value={percent}
            onChange={setPercent}
          />
          <TextField
            id={form.id('maxAmount')}
            className="field__input--short"
            inputMode="numeric"
            label={`${t('admin.caps.maxAmountLabel')} (${t('form.optional')})`}
            hint={t('admin.caps.maxAmountHint')}
            error={form.error('maxAmount')}
            value={amount}
            onChange={setAmount}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={form.busy}>
              {t('admin.caps.add')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
