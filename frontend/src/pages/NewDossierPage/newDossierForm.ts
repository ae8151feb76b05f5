import type { TFunction } from 'i18next';
import { SERVER_LANGUAGE, type Described } from '../../api/describeError';
import type { Problem } from '../../api/problem';
import { PROGRAMMES, type NewDossier, type Programme } from '../../api/types';
import { parseVnd } from '../../lib/money';
import type { FieldProblem } from '../../lib/validation';

/** What the person typed, kept exactly as typed so that nothing is lost when a problem is shown. */
export interface NewDossierAnswers {
  title: string;
  contentCode: string;
  programme: string;
  requestedSupport: string;
}

export const FIELDS = ['title', 'contentCode', 'programme', 'requestedSupport'] as const;
export type FieldName = (typeof FIELDS)[number];

export const TITLE_MAX_LENGTH = 500;

export function emptyAnswers(): NewDossierAnswers {
  return { title: '', contentCode: '', programme: '', requestedSupport: '' };
}

export type Checked = { ok: true; request: NewDossier } | { ok: false; problems: FieldProblem[] };

/** Checks the answers in the order of the form and builds the request once they are all right. */
export function checkAnswers(answers: NewDossierAnswers, t: TFunction): Checked {
  const problems: FieldProblem[] = [];
  const title = answers.title.trim();
  if (title === '') problems.push({ fieldId: 'title', message: t('newDossier.titleRequired') });
  else if (title.length > TITLE_MAX_LENGTH)
    problems.push({ fieldId: 'title', message: t('newDossier.titleTooLong', { max: TITLE_MAX_LENGTH }) });

  if (answers.contentCode === '') problems.push({ fieldId: 'contentCode', message: t('newDossier.contentRequired') });

  const programme = PROGRAMMES.find((p) => p === answers.programme);
  if (!programme) problems.push({ fieldId: 'programme', message: t('newDossier.programmeRequired') });

  const amount = parseVnd(answers.requestedSupport);
  if (!amount.ok) {
    const key = {
      required: 'newDossier.supportRequired',
      notWhole: 'newDossier.supportNotWhole',
      notPositive: 'newDossier.supportNotPositive',
      tooLarge: 'newDossier.supportTooLarge',
      invalid: 'newDossier.supportInvalid',
    }[amount.problem];
    problems.push({ fieldId: 'requestedSupport', message: t(key) });
  }

  if (problems.length > 0 || !amount.ok) return { ok: false, problems };
  return {
    ok: true,
    request: {
      title,
      contentCode: answers.contentCode,
      programme: programme as Programme,
      requestedSupport: amount.value,
    },
  };
}

/**
 * The server's refusal as summary items: field errors link to the field they name; a refusal
 * without field errors shows its detail.
 */
export function problemsFromServer(problem: Problem, fallback: Described): FieldProblem[] {
  if (problem.errors.length === 0) return [problem.detail ? { message: problem.detail, lang: SERVER_LANGUAGE } : fallback];
  return problem.errors.map((error) => {
    const field = FIELDS.find((name) => name === error.field);
    const message = { message: error.message, lang: SERVER_LANGUAGE };
    return field ? { fieldId: field, ...message } : message;
  });
}
