import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
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
  type DossierDocument,
  type FundingCall,
} from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { useAuth } from '../../auth/AuthContext';
import { forgetSessionEnded, sessionEndedFor } from '../../auth/sessionStore';
import { DocumentChecklist } from '../../components/DocumentChecklist/DocumentChecklist';
import { DocumentList } from '../../components/DocumentList/DocumentList';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField, TextAreaField, TextField } from '../../components/Field/Field';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { StepIndicator } from '../../components/StepIndicator/StepIndicator';
import { formatCalendarDate, isoDateInVietnam } from '../../lib/format';
import { formatVnd, parseVnd } from '../../lib/money';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import { problemFor, type FieldProblem } from '../../lib/validation';
import { CheckAnswers } from './CheckAnswers';
import {
  amountOf,
  answerId,
  answersFromDossier,
  checkAnswers,
  emptyAnswers,
  OUTCOMES_MAX_LENGTH,
  problemsFromServer,
  supportCapFor,
  TITLE_MAX_LENGTH,
  type FormAnswers,
} from './dossierForm';
import {
  inFormOrder,
  resumeStep,
  stepBySlug,
  stepHref,
  stepOfField,
  stepsFor,
  STEPS,
  type Step,
} from './wizardSteps';
import { forgetUnsaved, keepUnsaved, readUnsaved, sameAnswers, unsavedKey, useKeptAnswers } from './unsavedAnswers';
import './DossierFormPage.css';

/** States in which the enterprise may still change its form. */

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

/** The funding calls open today for a programme, and the dossier's own call even once closed. */
export function callsToOffer(calls: FundingCall[], programme: string, today: string, keep?: string): FundingCall[] {
  return calls.filter(
    (call) => call.programme === programme && ((call.opensOn <= today && today <= call.closesOn) || call.id === keep),
  );
}

interface Loaded {
  dossier: Dossier | null;
  documents: DossierDocument[];
}

interface KeptCopy {
  answers: FormAnswers | null;
  /** The person's session ended while they typed: what they typed comes back without asking. */
  interrupted: boolean;
}

/** What this tab kept of the form, when it differs from what the server has. */
function keptCopy(key: string | null, username: string | null, initial: FormAnswers): KeptCopy {
  const answers = key ? readUnsaved(key) : null;
  if (!answers || sameAnswers(answers, initial)) return { answers: null, interrupted: false };
  return { answers, interrupted: username !== null && sessionEndedFor(username) };
}

/**
 * The application form, one group of questions per step. Every step is saved as a draft before
 * the next opens; the last step shows every answer with a link to change it, then submits.
 */
function Wizard({ loaded, step: stepSlug }: { loaded: Loaded; step: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [dossier, setDossier] = useState<Dossier | null>(loaded.dossier);
  const [documents, setDocuments] = useState<DossierDocument[]>(loaded.documents);
  const { state: auth } = useAuth();
  const username = auth.status === 'signedIn' ? auth.user.username : null;
  const keptKey = username ? unsavedKey(username, loaded.dossier?.id) : null;
  const [initial] = useState<FormAnswers>(() => (loaded.dossier ? answersFromDossier(loaded.dossier) : emptyAnswers()));
  const [kept] = useState(() => keptCopy(keptKey, username, initial));
  const [form, setForm] = useState<FormAnswers>(kept.interrupted && kept.answers ? kept.answers : initial);
  const [restored, setRestored] = useState(kept.interrupted);
  const { saved: keptSaved } = useKeptAnswers(keptKey, form, initial);
  const [contents] = useResource(catalogueContents, []);
  const [communes] = useResource(catalogue.communes, []);
  const [calls] = useResource(catalogue.fundingCalls, []);
  const [detail] = useResource<ContentDetail>(form.contentCode ? () => catalogue.content(form.contentCode) : null, [
    form.contentCode,
  ]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [uploadErrors, setUploadErrors] = useState<ReadonlySet<string>>(() => new Set());
  const focusedFor = useRef<string | null>(null);
  const [unsaved, setUnsaved] = useState<FormAnswers | null>(kept.interrupted ? null : kept.answers);

  // The end of the session has been dealt with: the form the person came back to restored what they typed.
  useEffect(() => {
    forgetSessionEnded();
  }, []);

  const content = form.contentCode && detail.state === 'ready' ? detail.data : null;
  const fields = content?.fields ?? [];
  const steps = stepsFor(content ? fields : null);
  const step = stepBySlug(steps, stepSlug) ?? steps[0]!;
  const index = steps.indexOf(step);
  const supplement = dossier?.status === 'SUPPLEMENT_REQUESTED';
  const heading = t(`wizard.steps.${step.id}.heading`);
  usePageTitle(
    `${heading} – ${dossier ? t('editDossier.title') : t('newDossier.title')}`,
    problems.length + uploadErrors.size,
  );

  // Problems of an earlier attempt belong to the step they were found on.
  useEffect(() => {
    setProblems([]);
  }, [step.id]);

  // Arriving from a link to one field ("…/kinh-phi#totalBudget"), that field gets the focus once it is on screen.
  useEffect(() => {
    if (!location.hash || focusedFor.current === location.key) return;
    const element = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (element) {
      element.focus();
      // A select waiting for the catalogue is disabled and refuses the focus: try again on the next render.
      if (document.activeElement === element) focusedFor.current = location.key;
    }
  });

  const set = (name: Exclude<keyof FormAnswers, 'answers'>) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const setAnswer = (key: string) => (value: string) => setForm((f) => ({ ...f, answers: { ...f.answers, [key]: value } }));
  const error = (id: string) => problemFor(problems, id);

  const communeList: Commune[] = communes.state === 'ready' ? communes.data : [];
  const commune = communeList.find((c) => c.code === form.communeCode);
  const kind = content?.supportKinds.find((k) => k.kind.code === form.supportKind);
  const priorityPercent = commune?.priorityArea ? (content?.priorityAreaCapPercent ?? null) : null;
  const cap = supportCapFor(amountOf(form.totalBudget), kind?.currentCap, Boolean(commune?.priorityArea), priorityPercent);

  /** Problems found on this step stay here; those about another step link to it. */
  const placed = useCallback(
    (found: FieldProblem[]): FieldProblem[] =>
      found.map((problem) => {
        if (!problem.fieldId) return problem;
        const owner = stepOfField(problem.fieldId);
        if (!owner || owner === step.id) return problem;
        const target = steps.find((s) => s.id === owner);
        const { fieldId, ...rest } = problem;
        return dossier && target ? { ...rest, href: stepHref(dossier.id, target, fieldId) } : rest;
      }),
    [dossier, step.id, steps],
  );

  function show(found: FieldProblem[]) {
    setProblems(placed(inFormOrder(found, fields)));
    setAttempt((n) => n + 1);
  }

  function next(from: Step): Step | undefined {
    return steps[steps.indexOf(from) + 1];
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const exit = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'exit';
    const following = next(step);
    const go = (saved: Dossier) => {
      if (exit || !following) navigate(supplement ? `/ho-so/${encodeURIComponent(saved.id)}` : '/ho-so');
      else navigate(stepHref(saved.id, following));
    };
    if (step.id === 'documents') {
      if (dossier) go(dossier);
      return;
    }
    const kindKnown = !form.supportKind || !content || content.supportKinds.some((k) => k.kind.code === form.supportKind);
    const checked = checkAnswers(kindKnown ? form : { ...form, supportKind: '' }, fields, t);
    const found = checked.ok ? [] : [...checked.problems];
    const requested = amountOf(form.requestedSupport);
    if (step.id === 'budget' && cap !== null && requested !== undefined && requested > cap)
      found.push({ fieldId: 'requestedSupport', message: t('wizard.overCap', { amount: formatVnd(cap, i18n.language) }) });
    if (!checked.ok || found.length > 0) {
      show(found);
      return;
    }
    setSaving(true);
    try {
      const saved = dossier
        ? await api.saveDossier(dossier.id, checked.request, dossier.version)
        : await api.createDossier(checked.request);
      keptSaved(form);
      setUnsaved(null);
      setRestored(false);
      setDossier(saved);
      setProblems([]);
      go(saved);
    } catch (failure) {
      // What was typed stays in the form, and in this tab's storage: nothing is lost when the connection drops.
      if (isApiError(failure) && failure.isNetworkError) {
        if (keptKey) keepUnsaved(keptKey, form);
        show([{ message: t('wizard.keptOnDevice') }]);
        return;
      }
      show(
        isApiError(failure) && failure.status !== 401
          ? problemsFromServer(failure.problem, describeError(t, failure), fields)
          : [describeError(t, failure)],
      );
    } finally {
      setSaving(false);
    }
  }

  const uploaded = useCallback((document: DossierDocument) => {
    setDocuments((list) => [...list.filter((d) => d.id !== document.id), document]);
    setProblems([]);
  }, []);

  /** The checklist's uploads that show an error, by document type: each counts in the page title. */
  const uploadErrorChanged = useCallback((documentType: string, message: string | null) => {
    setUploadErrors((failing) => {
      if (failing.has(documentType) === (message !== null)) return failing;
      const next = new Set(failing);
      if (message === null) next.delete(documentType);
      else next.add(documentType);
      return next;
    });
  }, []);

  const today = isoDateInVietnam(new Date().toISOString());
  const callOptions =
    calls.state === 'ready' ? callsToOffer(calls.data, form.programme, today, dossier?.fundingCallId ?? undefined) : [];
  const contentOptions =
    contents.state === 'ready'
      ? // The catalogue's names are data kept by administrators: shown as the server gives them.
        contents.data.map((c) => ({ value: c.code, label: c.name, lang: SERVER_LANGUAGE }))
      : [];
  const catalogueFailed = [contents, communes, calls, detail].find((r) => r.state === 'failed') as
    | { state: 'failed'; error: unknown }
    | undefined;

  let capHint: string | undefined;
  if (kind?.currentCap) {
    capHint = kind.currentCap.maxAmount
      ? t('form.capHint', { percent: kind.currentCap.maxPercent, amount: formatVnd(kind.currentCap.maxAmount, i18n.language) })
      : t('wizard.capPercentOnly', { percent: kind.currentCap.maxPercent });
    if (priorityPercent) capHint += ` ${t('form.priorityAreaHint', { percent: priorityPercent })}`;
  }

  // Once a draft exists every step can be opened; a new form has only its first step.
  const indicator = steps.map((s) => ({
    key: s.id,
    label: t(`wizard.steps.${s.id}.name`),
    href: dossier ? stepHref(dossier.id, s) : undefined,
  }));

  let body: ReactNode;
  switch (step.id) {
    case 'content':
      body = (
        <>
          <SelectField
            id="programme"
            name="programme"
            label={t('newDossier.programmeLabel')}
            hint={supplement ? t('wizard.lockedInSupplement') : t('form.programmeHint')}
            placeholder={t('newDossier.programmePlaceholder')}
            error={error('programme')}
            value={form.programme}
            onChange={(value) => setForm((f) => ({ ...f, programme: value, fundingCallId: '' }))}
            disabled={supplement}
            options={PROGRAMMES.map((p) => ({ value: p, label: t(`programme.${p}`) }))}
          />
          <SelectField
            id="fundingCallId"
            name="fundingCallId"
            label={t('wizard.fundingCall')}
            hint={
              form.programme && calls.state === 'ready' && callOptions.length === 0
                ? t('wizard.noOpenCall')
                : t('wizard.fundingCallHint')
            }
            placeholder={calls.state === 'loading' ? t('common.loading') : t('wizard.currentCall')}
            error={error('fundingCallId')}
            value={form.fundingCallId}
            onChange={set('fundingCallId')}
            disabled={supplement || !form.programme}
            options={callOptions.map((call) => ({
              value: call.id,
              label: t('wizard.callOption', {
                name: call.name,
                opens: formatCalendarDate(call.opensOn, i18n.language),
                closes: formatCalendarDate(call.closesOn, i18n.language),
              }),
            }))}
          />
          <SelectField
            id="contentCode"
            name="contentCode"
            label={t('newDossier.contentLabel')}
            hint={supplement ? t('wizard.lockedInSupplement') : undefined}
            placeholder={contents.state === 'loading' ? t('common.loading') : t('newDossier.contentPlaceholder')}
            error={error('contentCode')}
            value={form.contentCode}
            onChange={(value) => setForm((f) => ({ ...f, contentCode: value, supportKind: '' }))}
            disabled={supplement}
            options={contentOptions}
          />
          <SelectField
            id="supportKind"
            name="supportKind"
            label={t('form.supportKind')}
            hint={capHint ?? (form.contentCode ? undefined : t('form.supportKindFirst'))}
            placeholder={form.contentCode && detail.state === 'loading' ? t('common.loading') : t('form.choose')}
            error={error('supportKind')}
            value={form.supportKind}
            onChange={set('supportKind')}
            disabled={!content}
            options={(content?.supportKinds ?? []).map((k) => ({ value: k.kind.code, label: k.kind.name, lang: SERVER_LANGUAGE }))}
          />
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
        </>
      );
      break;
    case 'project':
      body = (
        <>
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
        </>
      );
      break;
    case 'budget':
      body = (
        <>
          <div className="notice" id="budget-cap">
            <p className="notice__title">{t('wizard.capHeading')}</p>
            {kind ? (
              <p>
                <span lang={SERVER_LANGUAGE}>{kind.kind.name}</span>: {capHint ?? t('wizard.noCap')}
              </p>
            ) : (
              <p>{t('wizard.capNeedsKind')}</p>
            )}
            {cap !== null ? <p data-testid="support-cap">{t('wizard.capForProject', { amount: formatVnd(cap, i18n.language) })}</p> : null}
          </div>
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
        </>
      );
      break;
    case 'questions':
      body =
        fields.length > 0 ? (
          fields.map((field) => (
            <ContentQuestion
              key={field.key}
              field={field}
              value={form.answers[field.key] ?? ''}
              onChange={setAnswer(field.key)}
              error={error(answerId(field.key))}
            />
          ))
        ) : (
          <Loading />
        );
      break;
    case 'documents':
      body = dossier ? (
        <>
          <p>{t('wizard.documentsLead')}</p>
          <h2>{t('wizard.checklistHeading')}</h2>
          <DocumentChecklist dossierId={dossier.id} editable onUploaded={uploaded} onErrorChange={uploadErrorChanged} />
          <h2>{t('wizard.uploadedDocuments')}</h2>
          <DocumentList documents={documents} />
        </>
      ) : null;
      break;
    case 'check':
      body = null;
  }

  return (
    <>
      <PageHeading key={step.id} caption={dossier ? dossier.title : t('newDossier.heading')}>
        {heading}
      </PageHeading>
      <StepIndicator steps={indicator} current={index} />
      <ErrorSummary problems={problems} attempt={attempt} />
      {restored ? (
        <div className="notice no-print" role="status" data-testid="draft-restored">
          <p className="notice__title">{t('wizard.draftRestored')}</p>
          <p>{t('wizard.draftRestoredNext')}</p>
        </div>
      ) : null}
      {unsaved ? (
        <div className="notice no-print" role="region" aria-labelledby="unsaved-heading">
          <h2 id="unsaved-heading" className="notice__title">
            {t('wizard.unsavedHeading')}
          </h2>
          <p>{t('wizard.unsavedText')}</p>
          <div className="button-group">
            <button
              type="button"
              className="button"
              onClick={() => {
                setForm(unsaved);
                setUnsaved(null);
              }}
            >
              {t('wizard.unsavedRestore')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                if (keptKey) forgetUnsaved(keptKey);
                setUnsaved(null);
              }}
            >
              {t('wizard.unsavedDiscard')}
            </button>
          </div>
        </div>
      ) : null}
      {catalogueFailed ? (
        <div className="notice notice--error" role="alert">
          <p>{t('newDossier.contentsFailed')}</p>
          <ErrorText error={catalogueFailed.error} />
        </div>
      ) : null}
      <p className="lead">{t(`wizard.steps.${step.id}.lead`)}</p>
      {step.id === 'documents' ? <div className="dossier-form">{body}</div> : null}
      {step.id === 'check' && dossier ? (
        <CheckAnswers
          dossier={dossier}
          documents={documents}
          steps={steps}
          content={content}
          contents={contents.state === 'ready' ? contents.data : []}
          communes={communeList}
          calls={calls.state === 'ready' ? calls.data : []}
          onProblems={show}
        />
      ) : (
        <form className="dossier-form" noValidate onSubmit={save}>
          {/* Each upload has a form of its own: forms cannot nest, so they stand before this one's button. */}
          {step.id === 'documents' ? null : <Fieldset legend={heading}>{body}</Fieldset>}
          <p>{step.id === 'documents' ? t('wizard.documentsNote') : t('wizard.draftNote')}</p>
          <div className="button-group">
            <button type="submit" className="button" name="then" value="next" disabled={saving} aria-disabled={saving}>
              {saving ? t('newDossier.saving') : step.id === 'documents' ? t('wizard.continue') : t('wizard.saveAndContinue')}
            </button>
            {step.id !== 'documents' ? (
              <button type="submit" className="button button--secondary" name="then" value="exit" disabled={saving}>
                {t('wizard.saveAndExit')}
              </button>
            ) : null}
          </div>
        </form>
      )}
      {index > 0 && dossier ? (
        <p className="no-print">
          <Link to={stepHref(dossier.id, steps[index - 1]!)}>{t('wizard.back')}</Link>
        </p>
      ) : null}
    </>
  );
}

/** "Tạo hồ sơ mới": the first step, on an empty form. */
export function NewDossierPage() {
  return <Wizard loaded={{ dossier: null, documents: [] }} step={STEPS[0]!.slug} />;
}

async function loadDraft(id: string) {
  const dossier = await api.dossier(id);
  const [documents, content] = await Promise.all([
    api.documents(id).catch(() => [] as DossierDocument[]),
    catalogue.content(dossier.contentCode).catch(() => null),
  ]);
  return { dossier, documents, fields: content?.fields ?? [] };
}

/**
 * "Sửa hồ sơ": a saved draft, or a dossier sent back for a supplement, at one step of the form.
 * Without a step in the address, it opens where the enterprise left off, or at the field named
 * after "#" (links from the dossier's page to a missing answer).
 */
export function EditDossierPage() {
  const { t } = useTranslation();
  const { id = '', step } = useParams();
  const location = useLocation();
  const [draft] = useResource(() => loadDraft(id), [id]);
  if (draft.state === 'loading') {
    return (
      <>
        <PageHeading>{t('editDossier.heading')}</PageHeading>
        <Loading />
      </>
    );
  }
  if (draft.state === 'failed' || !draft.data.dossier.editable) {
    const submitted = draft.state === 'ready' && draft.data.dossier.code;
    return (
      <>
        <PageHeading>{t('editDossier.heading')}</PageHeading>
        <div className="notice notice--error" role="alert">
          {draft.state === 'failed' ? <ErrorText error={draft.error} /> : <p>{t('editDossier.notEditable')}</p>}
        </div>
        <p>
          <Link to={`/ho-so/${encodeURIComponent(id)}`}>{t('editDossier.back')}</Link>
          {submitted ? (
            <>
              {' · '}
              <Link to={`/ho-so/${encodeURIComponent(id)}/bien-nhan`}>{t('wizard.receiptLink')}</Link>
            </>
          ) : null}
        </p>
      </>
    );
  }
  const { dossier, documents, fields } = draft.data;
  const steps = stepsFor(fields);
  if (!stepBySlug(steps, step)) {
    const field = location.hash ? decodeURIComponent(location.hash.slice(1)) : null;
    const wanted = (field && stepOfField(field)) || resumeStep(dossier, fields, documents.length > 0);
    const target = steps.find((s) => s.id === wanted) ?? steps[0]!;
    return <Navigate replace to={stepHref(dossier.id, target, field ?? undefined)} />;
  }
  return <Wizard key={dossier.id} loaded={{ dossier, documents }} step={step!} />;
}
