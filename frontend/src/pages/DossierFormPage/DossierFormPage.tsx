import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  api,
  catalogue,
  catalogueContents,
  isApiError,
  PROGRAMMES,
  type Commune,
  type ContentDetail,
  type ContentField,
  type Dossier,
} from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField, TextAreaField, TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { formatVnd, parseVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import { problemFor, type FieldProblem } from '../../lib/validation';
import {
  answerId,
  answersFromDossier,
  checkAnswers,
  emptyAnswers,
  OUTCOMES_MAX_LENGTH,
  problemsFromServer,
  TITLE_MAX_LENGTH,
  type FormAnswers,
} from './dossierForm';
import './DossierFormPage.css';

/** States in which the enterprise may still change its form. */
export const EDITABLE = new Set(['DRAFT', 'SUPPLEMENT_REQUESTED']);

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

function AmountPreview({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const amount = parseVnd(text);
  return amount.ok ? (
    <p className="dossier-form__amount">{t('newDossier.supportPreview', { amount: formatVnd(amount.value, i18n.language) })}</p>
  ) : null;
}

/** One question of the content, drawn from its type in the catalogue. */
function ContentQuestion({
  field,
  value,
  onChange,
  error,
}: {
  field: ContentField;
  value: string;
  onChange: (value: string) => void;
  error: FieldProblem | undefined;
}) {
  const { t } = useTranslation();
  const id = answerId(field.key);
  // Labels and help are catalogue data, written in Vietnamese by administrators.
  const label = (
    <span lang={SERVER_LANGUAGE}>
      {field.label}
      {field.required ? null : <span className="dossier-form__optional"> ({t('form.optional')})</span>}
    </span>
  );
  const hint = field.help ? <span lang={SERVER_LANGUAGE}>{field.help}</span> : undefined;
  const common = { id, name: id, label, hint, error, value, onChange };
  switch (field.type) {
    case 'LONG_TEXT':
      return <TextAreaField {...common} maxLength={4000} />;
    case 'INTEGER':
      return <TextField {...common} className="field__input--short" inputMode="numeric" autoComplete="off" />;
    case 'MONEY':
      return (
        <TextField
          {...common}
          className="field__input--short"
          inputMode="numeric"
          autoComplete="off"
          after={<AmountPreview text={value} />}
        />
      );
    case 'DATE':
      return <TextField {...common} type="date" className="field__input--short" />;
    case 'BOOLEAN':
      return (
        <SelectField
          {...common}
          placeholder={t('form.choose')}
          options={[
            { value: 'true', label: t('form.yes') },
            { value: 'false', label: t('form.no') },
          ]}
        />
      );
    default:
      return <TextField {...common} maxLength={500} autoComplete="off" />;
  }
}

interface Props {
  /** The draft being edited, or nothing for a new dossier. */
  dossier?: Dossier;
}

/** The application form, driven by the catalogue: common fields, then the content's own questions. */
function DossierForm({ dossier }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [contents] = useResource(catalogueContents, []);
  const [communes] = useResource(catalogue.communes, []);
  const [form, setForm] = useState<FormAnswers>(() => (dossier ? answersFromDossier(dossier) : emptyAnswers()));
  const [detail] = useResource<ContentDetail>(form.contentCode ? () => catalogue.content(form.contentCode) : null, [
    form.contentCode,
  ]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const focused = useRef(false);
  const editing = Boolean(dossier);
  usePageTitle(editing ? t('editDossier.title') : t('newDossier.title'), problems.length);

  const content = form.contentCode && detail.state === 'ready' ? detail.data : null;
  const fields = content?.fields ?? [];

  // Arriving from a link to one field ("…/sua#answers.machines"), that field gets the focus once it is on screen.
  useEffect(() => {
    if (focused.current || !location.hash) return;
    const element = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (element) {
      element.focus();
      // A select waiting for the catalogue is disabled and refuses the focus: try again on the next render.
      focused.current = document.activeElement === element;
    }
  });

  const set = (name: Exclude<keyof FormAnswers, 'answers'>) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const setAnswer = (key: string) => (value: string) => setForm((f) => ({ ...f, answers: { ...f.answers, [key]: value } }));
  const error = (id: string) => problemFor(problems, id);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setAttempt((n) => n + 1);
    const kindKnown = !form.supportKind || !content || content.supportKinds.some((k) => k.kind.code === form.supportKind);
    const checked = checkAnswers(kindKnown ? form : { ...form, supportKind: '' }, fields, t);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      const saved = dossier
        ? await api.saveDossier(dossier.id, checked.request, dossier.version)
        : await api.createDossier(checked.request);
      navigate(`/ho-so/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
    } catch (failure) {
      setSaving(false);
      setAttempt((n) => n + 1);
      setProblems(
        isApiError(failure) && !failure.isNetworkError && failure.status !== 401
          ? problemsFromServer(failure.problem, describeError(t, failure), fields)
          : [describeError(t, failure)],
      );
    }
  }

  const contentOptions =
    contents.state === 'ready'
      ? // The catalogue's names are data kept by administrators: shown as the server gives them.
        contents.data.map((c) => ({ value: c.code, label: c.name, lang: SERVER_LANGUAGE }))
      : [];
  const communeList: Commune[] = communes.state === 'ready' ? communes.data : [];
  const commune = communeList.find((c) => c.code === form.communeCode);
  const kind = content?.supportKinds.find((k) => k.kind.code === form.supportKind);

  let capHint: string | undefined;
  if (kind?.currentCap) {
    capHint = t('form.capHint', {
      percent: kind.currentCap.maxPercent,
      amount: formatVnd(kind.currentCap.maxAmount, i18n.language),
    });
    if (commune?.priorityArea && content?.priorityAreaCapPercent)
      capHint += ` ${t('form.priorityAreaHint', { percent: content.priorityAreaCapPercent })}`;
  } else if (!form.contentCode) {
    capHint = t('form.supportKindFirst');
  }

  return (
    <>
      <ErrorSummary problems={problems} attempt={attempt} />
      <p className="lead">{editing ? t('editDossier.lead') : t('newDossier.lead')}</p>
      {contents.state === 'failed' || communes.state === 'failed' || detail.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t('newDossier.contentsFailed')}</p>
          <ErrorText error={contents.state === 'failed' ? contents.error : communes.state === 'failed' ? communes.error : (detail as { error: unknown }).error} />
        </div>
      ) : null}
      <form className="dossier-form" noValidate onSubmit={save}>
        <Fieldset legend={t('form.projectLegend')}>
          <TextField
            id="title"
            name="title"
            label={t('newDossier.titleLabel')}
            hint={t('newDossier.titleHint')}
            error={error('title')}
            value={form.title}
            onChange={set('title')}
            maxLength={TITLE_MAX_LENGTH}
            autoComplete="off"
          />
          <SelectField
            id="contentCode"
            name="contentCode"
            label={t('newDossier.contentLabel')}
            placeholder={contents.state === 'loading' ? t('common.loading') : t('newDossier.contentPlaceholder')}
            error={error('contentCode')}
            value={form.contentCode}
            onChange={set('contentCode')}
            options={contentOptions}
          />
          <SelectField
            id="programme"
            name="programme"
            label={t('newDossier.programmeLabel')}
            hint={t('form.programmeHint')}
            placeholder={t('newDossier.programmePlaceholder')}
            error={error('programme')}
            value={form.programme}
            onChange={set('programme')}
            options={PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
          />
        </Fieldset>

        <Fieldset legend={t('form.supportLegend')}>
          <SelectField
            id="supportKind"
            name="supportKind"
            label={t('form.supportKind')}
            hint={capHint}
            placeholder={form.contentCode && detail.state === 'loading' ? t('common.loading') : t('form.choose')}
            error={error('supportKind')}
            value={form.supportKind}
            onChange={set('supportKind')}
            disabled={!content}
            options={(content?.supportKinds ?? []).map((k) => ({ value: k.kind.code, label: k.kind.name, lang: SERVER_LANGUAGE }))}
          />
          <SelectField
            id="communeCode"
            name="communeCode"
            label={t('form.commune')}
            hint={t('form.communeHint')}
            placeholder={communes.state === 'loading' ? t('common.loading') : t('form.choose')}
            error={error('communeCode')}
            value={form.communeCode}
            onChange={set('communeCode')}
            options={communeList.map((c) => ({ value: c.code, label: c.name, lang: SERVER_LANGUAGE }))}
          />
        </Fieldset>

        <Fieldset legend={t('form.budgetLegend')}>
          <p className="field__hint">{t('form.budgetLead')}</p>
          {(['totalBudget', 'requestedSupport', 'counterpartFunds'] as const).map((name) => (
            <TextField
              key={name}
              id={name}
              name={name}
              className="field__input--short"
              label={t(`form.${name}Label`)}
              hint={name === 'requestedSupport' ? t('newDossier.supportHint') : undefined}
              error={error(name)}
              value={form[name]}
              onChange={set(name)}
              inputMode="numeric"
              autoComplete="off"
              after={<AmountPreview text={form[name]} />}
            />
          ))}
        </Fieldset>

        <Fieldset legend={t('form.scheduleLegend')}>
          <TextField
            id="startsOn"
            name="startsOn"
            type="date"
            className="field__input--short"
            label={t('form.startsOn')}
            error={error('startsOn')}
            value={form.startsOn}
            onChange={set('startsOn')}
          />
          <TextField
            id="endsOn"
            name="endsOn"
            type="date"
            className="field__input--short"
            label={t('form.endsOn')}
            error={error('endsOn')}
            value={form.endsOn}
            onChange={set('endsOn')}
          />
          <TextAreaField
            id="expectedOutcomes"
            name="expectedOutcomes"
            label={t('form.expectedOutcomes')}
            hint={t('form.expectedOutcomesHint')}
            error={error('expectedOutcomes')}
            value={form.expectedOutcomes}
            onChange={set('expectedOutcomes')}
            maxLength={OUTCOMES_MAX_LENGTH}
          />
        </Fieldset>

        {content && fields.length > 0 ? (
          <Fieldset legend={t('form.contentLegend', { name: content.content.name })}>
            {fields.map((field) => (
              <ContentQuestion
                key={field.key}
                field={field}
                value={form.answers[field.key] ?? ''}
                onChange={setAnswer(field.key)}
                error={error(answerId(field.key))}
              />
            ))}
          </Fieldset>
        ) : null}

        <p>{t('form.draftNote')}</p>
        <div className="button-group">
          <button type="submit" className="button" disabled={saving} aria-disabled={saving}>
            {saving ? t('newDossier.saving') : t('newDossier.submit')}
          </button>
          {dossier ? (
            <Link className="button button--secondary" to={`/ho-so/${encodeURIComponent(dossier.id)}`}>
              {t('common.cancel')}
            </Link>
          ) : null}
        </div>
      </form>
    </>
  );
}

/** "Tạo hồ sơ mới": an empty form. */
export function NewDossierPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('newDossier.heading')}</PageHeading>
      <DossierForm />
    </>
  );
}

/** "Sửa hồ sơ": the saved draft, or a dossier sent back for a supplement, in the same form. */
export function EditDossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [dossier] = useResource(() => api.dossier(id), [id]);
  if (dossier.state === 'loading') {
    return (
      <>
        <PageHeading>{t('editDossier.heading')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (dossier.state === 'failed' || !EDITABLE.has(dossier.data.status)) {
    return (
      <>
        <PageHeading>{t('editDossier.heading')}</PageHeading>
        <div className="notice notice--error" role="alert">
          {dossier.state === 'failed' ? <ErrorText error={dossier.error} /> : <p>{t('editDossier.notEditable')}</p>}
        </div>
        <p>
          <Link to={`/ho-so/${encodeURIComponent(id)}`}>{t('editDossier.back')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('editDossier.heading')}</PageHeading>
      <DossierForm key={dossier.data.id} dossier={dossier.data} />
    </>
  );
}
