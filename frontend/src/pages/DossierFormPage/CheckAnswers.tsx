import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  api,
  isApiError,
  type CatalogueContent,
  type Commune,
  type ContentDetail,
  type Dossier,
  type DossierDocument,
  type FundingCall,
} from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import type { Checklist } from '../../api/documents';
import { checklistInputId, documentTypeOfField } from '../../components/DocumentChecklist/checklistInput';
import { ConfirmDialog } from '../../components/ConfirmDialog/ConfirmDialog';
import { formatCalendarDate } from '../../lib/format';
import { formatVnd } from '../../lib/money';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { answerId, fieldIdFor, missingForSubmission, supportCapFor } from './dossierForm';
import { stepHref, stepOfField, type Step, type StepId } from './wizardSteps';

interface Props {
  dossier: Dossier;
  documents: DossierDocument[];
  steps: Step[];
  content: ContentDetail | null;
  contents: CatalogueContent[];
  communes: Commune[];
  calls: FundingCall[];
  onProblems: (problems: FieldProblem[]) => void;
}

interface Row {
  label: string;
  value: ReactNode;
  /** The input to change it: the change link opens its step and focuses it. */
  fieldId: string;
  lang?: string;
}

/**
 * "Kiểm tra lại thông tin": every saved answer, section by section, each with a link to change
 * it; then the declaration and the submission, confirmed in a dialog. A submission the server
 * refuses comes back as a list of what to fix, each item linking to the step that asks it.
 */
export function CheckAnswers({ dossier, documents, steps, content, contents, communes, calls, onProblems }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [loadedChecklist] = useResource(() => api.checklist(dossier.id), [dossier.id]);
  const checklist = loadedChecklist.state === 'ready' ? loadedChecklist.data : null;
  const supplement = dossier.status === 'SUPPLEMENT_REQUESTED';
  const fields = content?.fields ?? [];
  const stepFor = (id: StepId) => steps.find((s) => s.id === id);

  const none = <span className="check-answers__missing">{t('wizard.notAnswered')}</span>;
  const money = (value: number | null | undefined) => (value == null ? none : formatVnd(value, i18n.language));
  const date = (value: string | null | undefined) =>
    value ? <time dateTime={value}>{formatCalendarDate(value, i18n.language)}</time> : none;
  const catalogueName = (name: string | undefined, code: string | null | undefined) =>
    code ? <span lang={SERVER_LANGUAGE}>{name ?? code}</span> : none;

  const kind = content?.supportKinds.find((k) => k.kind.code === dossier.supportKind);
  const commune = communes.find((c) => c.code === dossier.communeCode);
  const call = calls.find((c) => c.id === dossier.fundingCallId);
  const cap = supportCapFor(
    dossier.totalBudget ?? undefined,
    kind?.currentCap,
    Boolean(commune?.priorityArea),
    commune?.priorityArea ? content?.priorityAreaCapPercent : null,
  );

  const sections: { step: StepId; rows: Row[] }[] = [
    {
      step: 'content',
      rows: [
        { label: t('newDossier.programmeLabel'), value: t(`programme.${dossier.programme}`), fieldId: 'programme' },
        { label: t('wizard.fundingCall'), value: catalogueName(call?.name, dossier.fundingCallId), fieldId: 'fundingCallId' },
        {
          label: t('newDossier.contentLabel'),
          value: catalogueName(contents.find((c) => c.code === dossier.contentCode)?.name, dossier.contentCode),
          fieldId: 'contentCode',
        },
        { label: t('form.supportKind'), value: catalogueName(kind?.kind.name, dossier.supportKind), fieldId: 'supportKind' },
        { label: t('newDossier.titleLabel'), value: dossier.title, fieldId: 'title' },
      ],
    },
    {
      step: 'project',
      rows: [
        { label: t('form.commune'), value: catalogueName(commune?.name, dossier.communeCode), fieldId: 'communeCode' },
        { label: t('form.startsOn'), value: date(dossier.startsOn), fieldId: 'startsOn' },
        { label: t('form.endsOn'), value: date(dossier.endsOn), fieldId: 'endsOn' },
        {
          label: t('form.expectedOutcomes'),
          value: dossier.expectedOutcomes ? <span className="pre-line">{dossier.expectedOutcomes}</span> : none,
          fieldId: 'expectedOutcomes',
        },
      ],
    },
    {
      step: 'budget',
      rows: [
        { label: t('form.totalBudgetLabel'), value: money(dossier.totalBudget), fieldId: 'totalBudget' },
        {
          label: t('form.requestedSupportLabel'),
          value: (
            <>
              {dossier.requestedSupport ? formatVnd(dossier.requestedSupport, i18n.language) : none}
              {cap !== null ? <span className="check-answers__note">{t('wizard.capForProject', { amount: formatVnd(cap, i18n.language) })}</span> : null}
            </>
          ),
          fieldId: 'requestedSupport',
        },
        { label: t('form.counterpartFundsLabel'), value: money(dossier.counterpartFunds), fieldId: 'counterpartFunds' },
      ],
    },
    {
      step: 'questions',
      rows: fields.map((field) => {
        const value = dossier.answers?.[field.key];
        const blank = value === null || value === undefined || String(value).trim() === '';
        const shown = blank
          ? field.required
            ? none
            : t('common.none')
          : typeof value === 'boolean'
            ? value
              ? t('form.yes')
              : t('form.no')
            : field.type === 'MONEY' && typeof value === 'number'
              ? formatVnd(value, i18n.language)
              : field.type === 'DATE'
                ? date(String(value))
                : <span className="pre-line">{String(value)}</span>;
        return { label: field.label, value: shown, fieldId: answerId(field.key), lang: SERVER_LANGUAGE };
      }),
    },
    { step: 'documents', rows: documentRows(checklist) },
  ];

  /**
   * One row per required document, marked missing until uploaded, then the optional extras uploaded; all the
   * uploaded files in one row while the checklist is unavailable.
   */
  function documentRows(list: Checklist | null): Row[] {
    const files = (names: string[]) => (
      <ul className="check-answers__files">
        {names.map((name, index) => (
          <li key={`${index}-${name}`}>{name}</li>
        ))}
      </ul>
    );
    if (!list) {
      return [
        {
          label: t('wizard.uploadedDocuments'),
          value: documents.length === 0 ? none : files(documents.map((d) => d.fileName)),
          fieldId: checklistInputId('REQUEST_LETTER'),
        },
      ];
    }
    return list.items
      .filter((item) => item.required || item.present)
      .map((item) => ({
        label: item.name,
        value: item.present ? (
          files(item.documents.map((d) => d.fileName))
        ) : (
          <span className="check-answers__missing">{t('documents.state.missing', { count: 0 })}</span>
        ),
        fieldId: checklistInputId(item.documentType),
        lang: SERVER_LANGUAGE,
      }));
  }

  /** Problems as summary items that open the step asking the answer. */
  function linked(problems: FieldProblem[]): FieldProblem[] {
    return problems.map(({ fieldId, ...rest }) => {
      const target = fieldId ? stepFor(stepOfField(fieldId) ?? 'check') : undefined;
      return target && target.id !== 'check' ? { ...rest, href: stepHref(dossier.id, target, fieldId) } : rest;
    });
  }

  function askToSubmit() {
    const missing = missingForSubmission(dossier, fields, t);
    for (const item of checklist?.items ?? []) {
      if (item.required && !item.present)
        missing.push({ fieldId: checklistInputId(item.documentType), message: t('wizard.missing.document', { name: item.name }) });
    }
    if (missing.length > 0) {
      onProblems(linked(missing));
      return;
    }
    onProblems([]);
    setConfirming(true);
  }

  async function submit() {
    setConfirming(false);
    setBusy(true);
    try {
      const event = supplement ? 'RESUBMIT' : 'SUBMIT';
      const submitted = await api.fire(dossier.id, event);
      navigate(supplement ? `/ho-so/${encodeURIComponent(submitted.id)}` : `/ho-so/${encodeURIComponent(submitted.id)}/bien-nhan`, {
        state: { submitted: true },
      });
    } catch (error) {
      setBusy(false);
      if (!isApiError(error) || error.problem.errors.length === 0) {
        const described = describeError(t, error);
        onProblems(
          linked([
            isApiError(error) && error.problem.rule === 'required-documents'
              ? { fieldId: checklistInputId(checklist?.missing[0] ?? 'REQUEST_LETTER'), ...described }
              : described,
          ]),
        );
        return;
      }
      const rule = error.problem.rule;
      onProblems(
        linked(
          error.problem.errors.map((e) => {
            const fieldId =
              rule === 'required-documents' || rule === 'documents-clean'
                ? checklistInputId(documentTypeOfField(e.field) ?? 'REQUEST_LETTER')
                : fieldIdFor(e.field, fields);
            return fieldId ? { fieldId, message: e.message, lang: SERVER_LANGUAGE } : { message: e.message, lang: SERVER_LANGUAGE };
          }),
        ),
      );
    }
  }

  return (
    <div className="check-answers">
      {sections.map(({ step, rows }) => {
        const target = stepFor(step);
        if (!target || rows.length === 0) return null;
        const headingId = `check-${step}`;
        return (
          <section key={step} aria-labelledby={headingId} className="check-answers__section">
            <h2 id={headingId}>{t(`wizard.steps.${step}.name`)}</h2>
            <dl className="summary-list check-answers__list">
              {rows.map((row) => (
                <div key={row.fieldId}>
                  <dt lang={row.lang}>{row.label}</dt>
                  <dd>{row.value}</dd>
                  <dd className="check-answers__change no-print">
                    <Link to={stepHref(dossier.id, target, row.fieldId)}>
                      {t('wizard.change')}
                      <span className="visually-hidden" lang={row.lang}>
                        {' '}
                        {row.label}
                      </span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}

      <section aria-labelledby="declaration-heading" className="no-print">
        <h2 id="declaration-heading">{supplement ? t('supplement.resubmitHeading') : t('wizard.declarationHeading')}</h2>
        <p>{supplement ? t('supplement.resubmitLead') : t('wizard.declaration')}</p>
        <div className="button-group">
          <button type="button" className="button" disabled={busy} aria-disabled={busy} onClick={askToSubmit}>
            {busy ? t('dossier.submitting') : supplement ? t('supplement.resubmit') : t('dossier.submit')}
          </button>
        </div>
      </section>

      <ConfirmDialog
        open={confirming}
        title={supplement ? t('supplement.confirmTitle') : t('dossier.confirmTitle')}
        text={supplement ? t('supplement.confirmText') : t('dossier.confirmText')}
        confirmLabel={supplement ? t('supplement.resubmit') : t('dossier.confirmYes')}
        cancelLabel={t('dossier.confirmNo')}
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
