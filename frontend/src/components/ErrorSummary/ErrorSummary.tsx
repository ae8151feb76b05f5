import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../lib/validation';
import './ErrorSummary.css';

interface Props {
  problems: FieldProblem[];
  /** Changes on every attempt to submit, so the summary takes the focus again each time. */
  attempt: number;
}

/** Focuses the field a summary link points to, without touching the URL (history routing). */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  const group = field.closest('.field') ?? field;
  group.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

/** The list of what needs fixing, at the top of a form, each item linking to its field. */
export function ErrorSummary({ problems, attempt }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hasProblems = problems.length > 0;

  useEffect(() => {
    if (hasProblems) ref.current?.focus();
  }, [hasProblems, attempt]);

  if (!hasProblems) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId} role="region">
      <h2 className="error-summary__title" id={titleId}>
        {t('errorSummary.title')}
      </h2>
      <ul className="error-summary__list">
        {problems.map((problem, index) => (
          <li key={`${problem.fieldId ?? ''}-${index}`} lang={problem.lang}>
            {problem.href ? (
              <Link to={problem.href}>{problem.message}</Link>
            ) : problem.fieldId ? (
              <a href={`#${problem.fieldId}`} onClick={(e) => focusField(e, problem.fieldId as string)}>
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
