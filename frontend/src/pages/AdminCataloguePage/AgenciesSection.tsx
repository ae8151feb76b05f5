import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Agency } from '../../api';
import { SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { useAdminForm } from './useAdminForm';

/** Agency codes follow Circular 10/2016/TT-BTTTT: capitals, digits and dots; they prefix dossier codes. */
const AGENCY_CODE = /^[0-9A-Z.]{3,40}$/;

/** The agencies that receive and decide dossiers: added, renamed, or taken out of service. */
export function AgenciesSection() {
  const { t } = useTranslation();
  const [agencies, , replace] = useResource(() => api.agencies(), []);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [province, setProvince] = useState('');
  const [active, setActive] = useState(true);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useAdminForm('agency');
  usePageTitle(`${t('admin.agencies.heading')} – ${t('admin.title')}`, form.problems.length);

  function edit(agency: Agency) {
    setCode(agency.code);
    setName(agency.name);
    setProvince(agency.province);
    setActive(true);
    setEditing(true);
    setSaved(null);
    setTimeout(() => document.getElementById(form.id('name'))?.focus(), 0);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (agencies.state !== 'ready') return;
    const found: FieldProblem[] = [];
    const agencyCode = code.trim().toUpperCase();
    if (!AGENCY_CODE.test(agencyCode)) found.push(form.problem('code', t('admin.agencies.codeFormat')));
    if (!name.trim()) found.push(form.problem('name', t('admin.agencies.nameRequired')));
    if (!province.trim()) found.push(form.problem('province', t('admin.agencies.provinceRequired')));
    const list = agencies.data;
    const ok = await form.send(found, async () => {
      const agency = await api.admin.putAgency(agencyCode, { name: name.trim(), province: province.trim(), active });
      // An agency taken out of service leaves the list of those receiving dossiers.
      const others = list.filter((a) => a.code !== agency.code);
      replace(active ? [...others, agency] : others);
      setSaved(agency.name);
    });
    if (ok) {
      setCode('');
      setName('');
      setProvince('');
      setActive(true);
      setEditing(false);
    }
  }

  if (agencies.state === 'loading') return <Loading />;
  if (agencies.state === 'failed')
    return (
      <div className="notice notice--error" role="alert">
        <ErrorText error={agencies.error} />
      </div>
    );
  return (
    <>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      {saved ? (
        <div className="notice notice--success" role="status">
          <p lang={SERVER_LANGUAGE}>{t('admin.saved', { name: saved })}</p>
        </div>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="agencies-caption">
        <table className="table admin-table">
          <caption id="agencies-caption">{t('admin.agencies.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.agencies.code')}</th>
              <th scope="col">{t('admin.agencies.name')}</th>
              <th scope="col">{t('admin.agencies.province')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agencies.data.map((agency) => (
              <tr key={agency.code}>
                <td className="mono">{agency.code}</td>
                <td lang={SERVER_LANGUAGE}>{agency.name}</td>
                <td lang={SERVER_LANGUAGE}>{agency.province}</td>
                <td>
                  <button type="button" className="button button--secondary" onClick={() => edit(agency)}>
                    {t('admin.edit')}
                    <span className="visually-hidden"> {agency.code}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form className="admin-form" noValidate onSubmit={save} aria-labelledby="agency-form-heading">
        <h2 id="agency-form-heading">{editing ? t('admin.agencies.editHeading', { code }) : t('admin.agencies.addHeading')}</h2>
        <TextField
          id={form.id('code')}
          className="field__input--short"
          label={t('admin.agencies.code')}
          hint={t('admin.agencies.codeHint')}
          error={form.error('code')}
          value={code}
          onChange={setCode}
          readOnly={editing}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField id={form.id('name')} label={t('admin.agencies.name')} error={form.error('name')} value={name} onChange={setName} />
        <TextField id={form.id('province')} label={t('admin.agencies.province')} error={form.error('province')} value={province} onChange={setProvince} />
        <div className="admin-check">
          <input id={form.id('active')} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <label htmlFor={form.id('active')}>{t('admin.agencies.active')}</label>
        </div>
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            {t('admin.save')}
          </button>
          {editing ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEditing(false);
                setCode('');
                setName('');
                setProvince('');
              }}
            >
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
