import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, catalogue, type Dossier, type Processing, type WorkflowEvent } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { useResource } from '../../lib/useResource';
import type { FieldProblem } from '../../lib/validation';
import { ActionForm, type ActionSpec } from './ActionForm';

interface Props {
  view: { dossier: Dossier; processing: Processing | null };
  onDone: (dossier: Dossier, event: WorkflowEvent) => void;
  onProblemCount: (count: number) => void;
}

/** A step that needs nothing but a click (start the review, start monitoring). */
function ActionButton({
  dossierId,
  event,
  label,
  onDone,
}: {
  dossierId: string;
  event: WorkflowEvent;
  label: string;
  onDone: Props['onDone'];
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  async function run() {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      onDone(await api.fire(dossierId, event), event);
    } catch (error) {
      setProblems([describeError(t, error)]);
      setAttempt((n) => n + 1);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }
  return (
    <div className="action no-print">
      <ErrorSummary problems={problems} attempt={attempt} />
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        {label}
      </button>
    </div>
  );
}

/** What a reviewer or an approver can do with the dossier in its present state. */
export function OfficerActions({ view, onDone, onProblemCount }: Props) {
  const { t } = useTranslation();
  const { dossier } = view;
  // the server says which events this officer may fire now; each is offered in the procedure's order
  const offered = new Set(dossier.allowedEvents ?? []);
  const needsCriteria = offered.has('RECOMMEND');
  const [criteria] = useResource(needsCriteria ? catalogue.reviewCriteria : null, [needsCriteria]);

  const buttons: [WorkflowEvent, string][] = [];
  if (offered.has('START_REVIEW')) buttons.push(['START_REVIEW', t('officer.startReview')]);
  if (offered.has('START_MONITORING')) buttons.push(['START_MONITORING', t('officer.startMonitoring')]);

  const list = criteria.state === 'ready' ? criteria.data : [];
  const specs: ActionSpec[] = [
    {
      event: 'RECOMMEND',
      heading: t('officer.recommend.heading'),
      lead: t('officer.recommend.lead'),
      button: t('officer.recommend.button'),
      groupLegend: t('officer.recommend.scoreSheet'),
      inputs: [
        ...list.map((c) => ({
          name: `scores.${c.code}`,
          label: t('officer.recommend.score', { name: c.name, max: c.maxScore }),
          kind: 'score' as const,
          required: true,
          max: c.maxScore,
          lang: SERVER_LANGUAGE,
        })),
        { name: 'recommendedAmount', label: t('officer.recommend.amount'), hint: t('newDossier.supportHint'), kind: 'money', required: true },
        { name: 'comment', label: t('officer.comment'), kind: 'long' },
      ],
    },
    {
      event: 'REQUEST_SUPPLEMENT',
      heading: t('officer.supplement.heading'),
      lead: t('officer.supplement.lead'),
      button: t('officer.supplement.button'),
      inputs: [
        { name: 'comment', label: t('officer.reasons'), kind: 'long', required: true },
        { name: 'items', label: t('officer.supplement.items'), hint: t('officer.supplement.itemsHint'), kind: 'lines', required: true },
      ],
    },
    {
      event: 'APPROVE',
      heading: t('officer.approve.heading'),
      button: t('officer.approve.button'),
      inputs: [
        { name: 'decisionNumber', label: t('officer.approve.decisionNumber'), hint: t('officer.approve.decisionHint'), kind: 'text', required: true },
        { name: 'approvedAmount', label: t('officer.approve.amount'), hint: t('newDossier.supportHint'), kind: 'money', required: true },
      ],
    },
    {
      event: 'RETURN',
      heading: t('officer.return.heading'),
      button: t('officer.return.button'),
      inputs: [{ name: 'comment', label: t('officer.reasons'), kind: 'long', required: true }],
    },
    {
      event: 'REJECT',
      heading: t('officer.reject.heading'),
      button: t('officer.reject.button'),
      inputs: [{ name: 'comment', label: t('officer.reasons'), kind: 'long', required: true }],
    },
  ];
  const forms = specs.filter((spec) => offered.has(spec.event));

  if (forms.length === 0 && buttons.length === 0) return null;
  return (
    <section aria-labelledby="officer-heading" className="no-print">
      <h2 id="officer-heading">{t('officer.heading')}</h2>
      {buttons.map(([event, label]) => (
        <ActionButton key={event} dossierId={dossier.id} event={event} label={label} onDone={onDone} />
      ))}
      {needsCriteria && criteria.state === 'loading' ? null : (
        forms.map((spec) => (
          <ActionForm key={spec.event} dossierId={dossier.id} spec={spec} onDone={onDone} onProblemCount={onProblemCount} />
        ))
      )}
    </section>
  );
}
