import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, catalogueContents, isApiError, PROGRAMMES } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField, TextField } from '../../components/Field/Field';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { formatVnd, parseVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import { problemFor, type FieldProblem } from '../../lib/validation';
import { checkAnswers, emptyAnswers, problemsFromServer, TITLE_MAX_LENGTH, type NewDossierAnswers } from './newDossierForm';
import './NewDossierPage.css';

export function NewDossierPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [contents] = useResource(catalogueContents, []);
  const [answers, setAnswers] = useState<NewDossierAnswers>(emptyAnswers);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  usePageTitle(t('newDossier.title'), problems.length);

  const answer = (field: keyof NewDossierAnswers) => (value: string) => setAnswers((a) => ({ ...a, [field]: value }));
  const amount = parseVnd(answers.requestedSupport);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setAttempt((n) => n + 1);
    const checked = checkAnswers(answers, t);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      const dossier = await api.createDossier(checked.request);
      navigate(`/ho-so/${encodeURIComponent(dossier.id)}`);
    } catch (error) {
      setSaving(false);
      setAttempt((n) => n + 1);
      setProblems(
        isApiError(error) && !error.isNetworkError && error.status !== 401
          ? problemsFromServer(error.problem, describeError(t, error))
          : [describeError(t, error)],
      );
    }
  }

  const contentOptions =
    contents.state === 'ready'
      ? // The catalogue's names are data kept by administrators: shown as the server gives them.
        contents.data.map((c) => ({ value: c.code, label: c.name, lang: SERVER_LANGUAGE }))
      : [];

  return (
    <>
      <PageHeading>{t('newDossier.heading')}</PageHeading>
      <ErrorSummary problems={problems} attempt={attempt} />
      <p className="lead">{t('newDossier.lead')}</p>
      {contents.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t('newDossier.contentsFailed')}</p>
          <ErrorText error={contents.error} />
        </div>
      ) : null}
      <form className="new-dossier-form" noValidate onSubmit={save}>
        <TextField
          id="title"
          name="title"
          label={t('newDossier.titleLabel')}
          hint={t('newDossier.titleHint')}
          error={problemFor(problems, 'title')}
          value={answers.title}
          onChange={answer('title')}
          maxLength={TITLE_MAX_LENGTH}
          autoComplete="off"
        />
        <SelectField
          id="contentCode"
          name="contentCode"
          label={t('newDossier.contentLabel')}
          placeholder={contents.state === 'loading' ? t('common.loading') : t('newDossier.contentPlaceholder')}
          error={problemFor(problems, 'contentCode')}
          value={answers.contentCode}
          onChange={answer('contentCode')}
          options={contentOptions}
        />
        <SelectField
          id="programme"
          name="programme"
          label={t('newDossier.programmeLabel')}
          placeholder={t('newDossier.programmePlaceholder')}
          error={problemFor(problems, 'programme')}
          value={answers.programme}
          onChange={answer('programme')}
          options={PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
        />
        <TextField
          id="requestedSupport"
          name="requestedSupport"
          className="field__input--short"
          label={t('newDossier.supportLabel')}
          hint={t('newDossier.supportHint')}
          error={problemFor(problems, 'requestedSupport')}
          value={answers.requestedSupport}
          onChange={answer('requestedSupport')}
          inputMode="numeric"
          autoComplete="off"
          after={
            amount.ok ? (
              <p className="new-dossier-form__amount">
                {t('newDossier.supportPreview', { amount: formatVnd(amount.value, i18n.language) })}
              </p>
            ) : null
          }
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={saving} aria-disabled={saving}>
            {saving ? t('newDossier.saving') : t('newDossier.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
