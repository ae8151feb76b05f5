import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type Dossier, type TransitionPayload, type WorkflowEvent } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { TextAreaField, TextField } from '../../components/Field/Field';
import { parseVnd } from '../../lib/money';
import { problemFor, type FieldProblem } from '../../lib/validation';

export interface ActionInput {
  /** The payload property, or "scores.<criterion>" for one line of a score sheet. */
  name: string;
  label: string;
  hint?: string;
  kind: 'text' | 'long' | 'money' | 'lines' | 'score';
  required?: boolean;
  max?: number;
  /** Catalogue text (criteria names) is Vietnamese whatever the interface language. */
  lang?: string;
}

export interface ActionSpec {
  event: WorkflowEvent;
  heading: string;
  lead?: string;
  button: string;
  inputs: ActionInput[];
  /** A group of inputs (the score sheet) drawn inside its own fieldset. */
  groupLegend?: string;
}

function inputId(event: WorkflowEvent, name: string) {
  return `${event.toLowerCase()}-${name.replace('.', '-')}`;
}

/**
 * One step of the procedure an officer (or the enterprise) takes, with what it needs: reasons,
 * a list of items, a score sheet, an amount. Problems are listed above the form and next to each input.
 */
export function ActionForm({
  dossierId,
  spec,
  onDone,
  onProblemCount,
}: {
  dossierId: string;
  spec: ActionSpec;
  onDone: (dossier: Dossier, event: WorkflowEvent) => void;
  onProblemCount?: (count: number) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblemsState] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // a second click that lands before the button is re-rendered disabled must not send a second request
  const inFlight = useRef(false);
  const setProblems = (list: FieldProblem[]) => {
    setProblemsState(list);
    onProblemCount?.(list.length);
  };

  function build(): { payload: TransitionPayload; problems: FieldProblem[] } {
    const payload: TransitionPayload = {};
    const found: FieldProblem[] = [];
    for (const input of spec.inputs) {
      const fieldId = inputId(spec.event, input.name);
      const text = (values[input.name] ?? '').trim();
      if (text === '') {
        if (input.required) found.push({ fieldId, message: t('action.required', { name: input.label }) });
        continue;
      }
      if (input.kind === 'money') {
        const amount = parseVnd(text);
        if (amount.ok) (payload as Record<string, unknown>)[input.name] = amount.value;
        else found.push({ fieldId, message: t(`form.money.${amount.problem}`, { name: input.label }) });
      } else if (input.kind === 'score') {
        const score = /^\d+$/.test(text) ? Number(text) : NaN;
        if (Number.isNaN(score) || (input.max !== undefined && score > input.max))
          found.push({ fieldId, message: t('action.score', { name: input.label, max: input.max }) });
        else payload.scores = { ...payload.scores, [input.name.slice('scores.'.length)]: score };
      } else if (input.kind === 'lines') {
        (payload as Record<string, unknown>)[input.name] = text.split('\n').map((line) => line.trim()).filter(Boolean);
      } else {
        (payload as Record<string, unknown>)[input.name] = text;
      }
    }
    return { payload, problems: found };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    setAttempt((n) => n + 1);
    const built = build();
    if (built.problems.length > 0) {
      setProblems(built.problems);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    try {
      const dossier = await api.fire(dossierId, spec.event, built.payload);
      setProblems([]);
      setValues({});
      onDone(dossier, spec.event);
    } catch (error) {
      setAttempt((n) => n + 1);
      if (isApiError(error) && error.problem.errors.length > 0) {
        setProblems(
          error.problem.errors.map((e) => {
            const input = spec.inputs.find((i) => i.name === e.field) ?? spec.inputs.find((i) => e.field?.startsWith(`${i.name}.`));
            const message = { message: e.message, lang: SERVER_LANGUAGE };
            return input ? { fieldId: inputId(spec.event, input.name), ...message } : message;
          }),
        );
      } else {
        setProblems([describeError(t, error)]);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const headingId = `${spec.event.toLowerCase()}-heading`;
  const render = (input: ActionInput) => {
    const id = inputId(spec.event, input.name);
    const common = {
      id,
      name: id,
      label: input.lang ? <span lang={input.lang}>{input.label}</span> : input.label,
      hint: input.hint,
      error: problemFor(problems, id),
      value: values[input.name] ?? '',
      onChange: (value: string) => setValues((v) => ({ ...v, [input.name]: value })),
    };
    if (input.kind === 'long' || input.kind === 'lines') return <TextAreaField key={id} {...common} rows={3} />;
    return (
      <TextField
        key={id}
        {...common}
        className={input.kind === 'text' ? undefined : 'field__input--short'}
        inputMode={input.kind === 'text' ? undefined : 'numeric'}
        autoComplete="off"
      />
    );
  };
  const grouped = spec.inputs.filter((i) => i.kind === 'score');
  const others = spec.inputs.filter((i) => i.kind !== 'score');

  return (
    <section className="action no-print" aria-labelledby={headingId}>
      <h3 id={headingId}>{spec.heading}</h3>
      <ErrorSummary problems={problems} attempt={attempt} />
      {spec.lead ? <p>{spec.lead}</p> : null}
      <form noValidate onSubmit={submit}>
        {grouped.length > 0 ? (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{spec.groupLegend}</legend>
            {grouped.map(render)}
          </fieldset>
        ) : null}
        {others.map(render)}
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {spec.button}
          </button>
        </div>
      </form>
    </section>
  );
}
