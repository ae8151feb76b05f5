import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import './StepIndicator.css';

export interface IndicatorStep {
  key: string;
  label: string;
  /** Where the step is; absent for steps that cannot be opened yet. */
  href?: string;
}

/**
 * Where someone is in a form of several steps: every step by name, the current one marked for
 * assistive technology with aria-current="step", the ones already reached as links to go back.
 */
export function StepIndicator({ steps, current }: { steps: IndicatorStep[]; current: number }) {
  const { t } = useTranslation();
  return (
    <nav className="step-indicator" aria-label={t('wizard.stepsLabel')}>
      <p className="step-indicator__count">{t('wizard.stepOf', { number: current + 1, count: steps.length })}</p>
      <ol className="step-indicator__list">
        {steps.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
          return (
            <li key={step.key} className={`step-indicator__item step-indicator__item--${state}`}>
              <span className="step-indicator__number" aria-hidden="true">
                {index + 1}
              </span>
              {index === current ? (
                <span aria-current="step">{step.label}</span>
              ) : step.href ? (
                <Link to={step.href}>
                  {step.label}
                  {state === 'done' ? <span className="visually-hidden"> ({t('wizard.stepDone')})</span> : null}
                </Link>
              ) : (
                <span>{step.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
