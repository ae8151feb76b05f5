import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CatalogueContent, type CatalogueDocumentType } from '../../api';
import { SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { TextAreaField, TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { useAdminForm, wholeNumber } from './useAdminForm';

/** The nine contents: their names, legal basis and processing time in working days. */
export function ContentsSection() {
  const { t } = useTranslation();
  const [contents, , replace] = useResource(() => api.catalogueContents(), []);
  const [editing, setEditing] = useState<CatalogueContent | null>(null);
  const [name, setName] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [documentTypes] = useResource(() => api.documentTypes(), []);
  const [required, setRequired] = useState<string[] | null>(null);
  const form = useAdminForm('content');
  usePageTitle(`${t('admin.contents.heading')} – ${t('admin.title')}`, form.problems.length);

  function edit(content: CatalogueContent) {
    setEditing(content);
    setName(content.name);
    setLegalBasis(content.legalBasis ?? '');
    setDays(content.processingDays ? String(content.processingDays) : '');
    setSaved(null);
    setRequired(null);
    // The documents a content requires come with its form; until they are read, they are not sent.
    api.contentDetail(content.code).then(
      (detail) => setRequired(detail.requiredDocumentTypes),
      () => setRequired(null),
    );
    setTimeout(() => document.getElementById(form.id('name'))?.focus(), 0);
  }

  function toggle(code: string, checked: boolean) {
    setRequired((list) => (list === null ? list : checked ? [...list, code] : list.filter((c) => c !== code)));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing || contents.state !== 'ready') return;
    const found: FieldProblem[] = [];
    if (!name.trim()) found.push(form.problem('name', t('admin.contents.nameRequired')));
    if (!legalBasis.trim()) found.push(form.problem('legalBasis', t('admin.contents.legalBasisRequired')));
    const processingDays = wholeNumber(days);
    if (processingDays === undefined || processingDays < 1 || processingDays > 365)
      found.push(form.problem('processingDays', t('admin.contents.daysRange')));
    const list = contents.data;
    const ok = await form.send(found, async () => {
      const updated = await api.admin.updateContent(editing.code, { name: name.trim(), legalBasis: legalBasis.trim(), processingDays: processingDays ?? 0 });
      if (required !== null) await api.admin.setRequiredDocuments(editing.code, required);
      replace(list.map((c) => (c.code === updated.code ? updated : c)));
    });
    if (ok) {
      setSaved(name.trim());
      setEditing(null);
    }
  }

  if (contents.state === 'loading') return <Loading />;
  if (contents.state === 'failed')
    return (
      <div className="notice notice--error" role="alert">
        <ErrorText error={contents.error} />
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
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="contents-caption">
        <table className="table admin-table">
          <caption id="contents-caption">{t('admin.contents.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.contents.name')}</th>
              <th scope="col">{t('admin.contents.legalBasis')}</th>
              <th scope="col">{t('admin.contents.processingDays')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {contents.data.map((content) => (
              <tr key={content.code}>
                <td lang={SERVER_LANGUAGE}>{content.name}</td>
                <td lang={SERVER_LANGUAGE}>{content.legalBasis ?? t('common.none')}</td>
                <td>{content.processingDays ?? t('common.none')}</td>
                <td>
                  <button type="button" className="button button--secondary" onClick={() => edit(content)}>
                    {t('admin.edit')}
                    <span className="visually-hidden" lang={SERVER_LANGUAGE}>
                      {' '}
                      {content.name}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <form className="admin-form" noValidate onSubmit={save} aria-labelledby="content-form-heading">
          <h2 id="content-form-heading">
            {t('admin.contents.editHeading')} <span lang={SERVER_LANGUAGE}>{editing.name}</span>
          </h2>
          <TextField id={form.id('name')} label={t('admin.contents.name')} error={form.error('name')} value={name} onChange={setName} />
          <TextAreaField
            id={form.id('legalBasis')}
            label={t('admin.contents.legalBasis')}
            hint={t('admin.contents.legalBasisHint')}
            error={form.error('legalBasis')}
            value={legalBasis}
            onChange={setLegalBasis}
            rows={3}
          />
          <TextField
            id={form.id('processingDays')}
            className="field__input--short"
            inputMode="numeric"
            label={t('admin.contents.processingDaysLabel')}
            error={form.error('processingDays')}
            value={days}
            onChange={setDays}
          />
          {documentTypes.state === 'ready' && required !== null ? (
            <fieldset className="fieldset" aria-describedby={form.error('documentTypes') ? form.id('documentTypes-error') : undefined}>
              <legend className="fieldset__legend">{t('admin.contents.requiredDocuments')}</legend>
              {form.error('documentTypes') ? (
                <p className="field__error" id={form.id('documentTypes-error')} lang={SERVER_LANGUAGE}>
                  {form.error('documentTypes')?.message}
                </p>
              ) : null}
              {documentTypes.data.map((type: CatalogueDocumentType, index) => (
                <div className="admin-check" key={type.code}>
                  <input
                    type="checkbox"
                    id={index === 0 ? form.id('documentTypes') : form.id(`documentTypes-${type.code}`)}
                    checked={required.includes(type.code)}
                    onChange={(e) => toggle(type.code, e.target.checked)}
                  />
                  <label htmlFor={index === 0 ? form.id('documentTypes') : form.id(`documentTypes-${type.code}`)} lang={SERVER_LANGUAGE}>
                    {type.name}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <div className="button-group">
            <button type="submit" className="button" disabled={form.busy}>
              {t('admin.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
