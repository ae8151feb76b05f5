import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/Field/Field';
import { problemFor, type FieldProblem } from '../../lib/validation';
import { buildPayload, inputId, type FieldSpec, type MonitoringView, type Payload } from './monitoringApi';

/**
 * One monitoring form (plan, report, inspection, payment, change request, acceptance): the inputs it needs, the
 * problems listed above it and next to each input, the server's refusals shown in Vietnamese as it words them.
 */
export function MonitoringForm({
  id,
  heading,
  lead,
  button,
  fields,
  extra,
  send,
  onDone,
  onProblemCount,
  children,
}: {
  id: string;
  heading: string;
  lead?: ReactNode;
  button: string;
  fields: FieldSpec[];
  /** Adds to the payload what is not typed (milestone ids, uploaded evidence). */
  extra?: (payload: Payload) => Payload | Promise<Payload>;
  send: (payload: Payload) => Promise<MonitoringView>;
  onDone: (view: MonitoringView) => void;
  onProblemCount?: (count: number) => void;
  /** Inputs that are not typed text (a file of evidence), drawn before the button. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblemsState] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const setProblems = (list: FieldProblem[]) => {
    setProblemsState(list);
    onProblemCount?.(list.length);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    setAttempt((n) => n + 1);
    const built = buildPayload(fields, values);
    if (built.problems.length > 0) {
      setProblems(
        built.problems.map((p) => ({ fieldId: p.name ? inputId(id, p.name) : undefined, message: t(p.key, p.values) })),
      );
      return;
    }
    setBusy(true);
    try {
      const payload = extra ? await extra(built.payload) : built.payload;
      const view = await send(payload);
      setProblems([]);
      setValues({});
      setSaved(true);
      onDone(view);
    } catch (error) {
      setAttempt((n) => n + 1);
      if (isApiError(error) && error.problem.errors.length > 0) {
        setProblems(
          error.problem.errors.map((e) => {
            const field = fields.find((f) => f.name === e.field);
            const message = { message: e.message, lang: SERVER_LANGUAGE };
            return field ? { fieldId: inputId(id, field.name), ...message } : message;
          }),
        );
      } else {
        setProblems([describeError(t, error)]);
      }
    } finally {
      setBusy(false);
    }
  }

  const headingId = `${id}-form-heading`;
  return (
    <section aria-labelledby={headingId} className="monitoring-form no-print">
      <h3 id={headingId}>{heading}</h3>
      {lead ? <p>{lead}</p> : null}
      <ErrorSummary problems={problems} attempt={attempt} />
      {saved ? (
        <p className="monitoring-form__saved" role="status">
          {t('monitoring.form.saved')}
        </p>
      ) : null}
      <form noValidate onSubmit={submit}>
        {fields.map((field) => {
          const fieldId = inputId(id, field.name);
          const common = {
            id: fieldId,
            label: field.label,
            hint: field.hint,
            error: problemFor(problems, fieldId),
            value: values[field.name] ?? '',
            onChange: (value: string) => setValues((v) => ({ ...v, [field.name]: value })),
          };
          if (field.kind === 'long') return <TextAreaField key={field.name} {...common} />;
          if (field.kind === 'select')
            return (
              <SelectField key={field.name} {...common} options={field.options ?? []} placeholder={t('monitoring.form.choose')} />
            );
          return (
            <TextField
              key={field.name}
              {...common}
              type={field.kind === 'date' ? 'date' : field.kind === 'month' ? 'month' : 'text'}
              inputMode={field.kind === 'money' || field.kind === 'count' || field.kind === 'percent' ? 'numeric' : undefined}
            />
          );
        })}
        {children}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('monitoring.form.sending') : button}
        </button>
      </form>
    </section>
  );
}
