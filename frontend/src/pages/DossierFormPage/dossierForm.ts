import type { TFunction } from 'i18next';
import { SERVER_LANGUAGE, type Described } from '../../api/describeError';
import type { Problem } from '../../api/problem';
import {
  PROGRAMMES,
  type AnswerValue,
  type ContentField,
  type Dossier,
  type DossierForm,
  type Programme,
  type SupportCap,
} from '../../api/types';
import { parseVnd } from '../../lib/money';
import type { FieldProblem } from '../../lib/validation';

/**
 * What the person typed, kept exactly as typed so that nothing is lost when a problem is shown.
 * The content's own questions are kept by their key; a yes/no answer is "true", "false" or "".
 */
export interface FormAnswers {
  title: string;
  contentCode: string;
  programme: string;
  fundingCallId: string;
  supportKind: string;
  communeCode: string;
  totalBudget: string;
  requestedSupport: string;
  counterpartFunds: string;
  startsOn: string;
  endsOn: string;
  expectedOutcomes: string;
  answers: Record<string, string>;
}

/** The common fields in the order of the form; the summary lists problems in this order. */
export const COMMON_FIELDS = [
  'title',
  'contentCode',
  'programme',
  'fundingCallId',
  'supportKind',
  'communeCode',
  'totalBudget',
  'requestedSupport',
  'counterpartFunds',
  'startsOn',
  'endsOn',
  'expectedOutcomes',
] as const;
export type CommonField = (typeof COMMON_FIELDS)[number];

export const TITLE_MAX_LENGTH = 500;
export const OUTCOMES_MAX_LENGTH = 4000;
const TEXT_MAX = { TEXT: 500, LONG_TEXT: 4000 } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The id of the input for a content question: the same name the server uses in its errors. */
export function answerId(key: string): string {
  return `answers.${key}`;
}

export function emptyAnswers(): FormAnswers {
  return {
    title: '',
    contentCode: '',
    programme: '',
    fundingCallId: '',
    supportKind: '',
    communeCode: '',
    totalBudget: '',
    requestedSupport: '',
    counterpartFunds: '',
    startsOn: '',
    endsOn: '',
    expectedOutcomes: '',
    answers: {},
  };
}

function shown(value: AnswerValue | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A saved draft, back in the form to go on with it. */
export function answersFromDossier(dossier: Dossier): FormAnswers {
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(dossier.answers ?? {})) answers[key] = shown(value);
  return {
    title: dossier.title ?? '',
    contentCode: dossier.contentCode ?? '',
    programme: dossier.programme ?? '',
    fundingCallId: dossier.fundingCallId ?? '',
    supportKind: dossier.supportKind ?? '',
    communeCode: dossier.communeCode ?? '',
    totalBudget: shown(dossier.totalBudget),
    // The server keeps 0 for a request not made yet.
    requestedSupport: dossier.requestedSupport ? shown(dossier.requestedSupport) : '',
    counterpartFunds: shown(dossier.counterpartFunds),
    startsOn: dossier.startsOn ?? '',
    endsOn: dossier.endsOn ?? '',
    expectedOutcomes: dossier.expectedOutcomes ?? '',
    answers,
  };
}

export type Checked = { ok: true; request: DossierForm } | { ok: false; problems: FieldProblem[] };

type MoneyCheck = { value?: number; problem?: string };

/** An optional amount: empty is fine for a draft; zero is allowed where `zeroAllowed` (counterpart funds). */
function money(input: string, name: string, t: TFunction, zeroAllowed = false): MoneyCheck {
  if (input.trim() === '') return {};
  if (zeroAllowed && /^\s*0+\s*(đ|đồng|vnd)?\s*$/i.test(input)) return { value: 0 };
  const parsed = parseVnd(input);
  if (parsed.ok) return { value: parsed.value };
  if (parsed.problem === 'required') return {};
  return { problem: t(`form.money.${parsed.problem}`, { name }) };
}

function answerProblem(field: ContentField, input: string, t: TFunction): { value?: AnswerValue; problem?: string } {
  const text = input.trim();
  if (text === '') return {};
  switch (field.type) {
    case 'TEXT':
    case 'LONG_TEXT':
      return text.length > TEXT_MAX[field.type]
        ? { problem: t('form.tooLong', { name: field.label, max: TEXT_MAX[field.type] }) }
        : { value: text };
    case 'INTEGER': {
      if (!/^\d+$/.test(text.replace(/[.\s]/g, ''))) return { problem: t('form.notWholeNumber', { name: field.label }) };
      const value = Number(text.replace(/[.\s]/g, ''));
      if (field.min != null && value < field.min) return { problem: t('form.belowMin', { name: field.label, min: field.min }) };
      if (field.max != null && value > field.max) return { problem: t('form.aboveMax', { name: field.label, max: field.max }) };
      return { value };
    }
    case 'MONEY': {
      const checked = money(text, field.label, t, true);
      if (checked.problem || checked.value === undefined) return { problem: checked.problem };
      if (field.min != null && checked.value < field.min) return { problem: t('form.belowMin', { name: field.label, min: field.min }) };
      if (field.max != null && checked.value > field.max) return { problem: t('form.aboveMax', { name: field.label, max: field.max }) };
      return { value: checked.value };
    }
    case 'DATE':
      return ISO_DATE.test(text) ? { value: text } : { problem: t('form.date', { name: field.label }) };
    case 'BOOLEAN':
      return text === 'true' ? { value: true } : text === 'false' ? { value: false } : {};
  }
}

/**
 * Checks what can be checked before saving a draft: the three answers a draft needs, and that
 * every answer given has the right form. Completeness is the server's to judge at submission.
 */
export function checkAnswers(form: FormAnswers, fields: ContentField[], t: TFunction): Checked {
  const problems: FieldProblem[] = [];
  const add = (fieldId: string, message: string) => problems.push({ fieldId, message });

  const title = form.title.trim();
  if (title === '') add('title', t('newDossier.titleRequired'));
  else if (title.length > TITLE_MAX_LENGTH) add('title', t('newDossier.titleTooLong', { max: TITLE_MAX_LENGTH }));
  if (form.contentCode === '') add('contentCode', t('newDossier.contentRequired'));
  const programme = PROGRAMMES.find((p) => p === form.programme);
  if (!programme) add('programme', t('newDossier.programmeRequired'));

  const total = money(form.totalBudget, t('form.totalBudget'), t, true);
  if (total.problem) add('totalBudget', total.problem);
  const requested = money(form.requestedSupport, t('form.requestedSupport'), t);
  if (requested.problem) add('requestedSupport', requested.problem);
  const counterpart = money(form.counterpartFunds, t('form.counterpartFunds'), t, true);
  if (counterpart.problem) add('counterpartFunds', counterpart.problem);
  if (
    total.value !== undefined &&
    requested.value !== undefined &&
    counterpart.value !== undefined &&
    requested.value + counterpart.value !== total.value
  ) {
    add('totalBudget', t('form.totalMismatch'));
  }

  if (form.startsOn !== '' && !ISO_DATE.test(form.startsOn)) add('startsOn', t('form.date', { name: t('form.startsOn') }));
  if (form.endsOn !== '' && !ISO_DATE.test(form.endsOn)) add('endsOn', t('form.date', { name: t('form.endsOn') }));
  else if (ISO_DATE.test(form.startsOn) && ISO_DATE.test(form.endsOn) && form.endsOn < form.startsOn)
    add('endsOn', t('form.endsBeforeStart'));
  if (form.expectedOutcomes.trim().length > OUTCOMES_MAX_LENGTH)
    add('expectedOutcomes', t('form.tooLong', { name: t('form.expectedOutcomes'), max: OUTCOMES_MAX_LENGTH }));

  const answers: Record<string, AnswerValue> = {};
  for (const field of fields) {
    const checked = answerProblem(field, form.answers[field.key] ?? '', t);
    if (checked.problem) add(answerId(field.key), checked.problem);
    else if (checked.value !== undefined) answers[field.key] = checked.value;
  }

  if (problems.length > 0 || !programme) return { ok: false, problems };
  const request: DossierForm = { title, contentCode: form.contentCode, programme: programme as Programme, answers };
  if (form.fundingCallId) request.fundingCallId = form.fundingCallId;
  if (form.supportKind) request.supportKind = form.supportKind;
  if (form.communeCode) request.communeCode = form.communeCode;
  if (total.value !== undefined) request.totalBudget = total.value;
  if (requested.value !== undefined) request.requestedSupport = requested.value;
  if (counterpart.value !== undefined) request.counterpartFunds = counterpart.value;
  if (form.startsOn) request.startsOn = form.startsOn;
  if (form.endsOn) request.endsOn = form.endsOn;
  if (form.expectedOutcomes.trim()) request.expectedOutcomes = form.expectedOutcomes.trim();
  return { ok: true, request };
}

/** Field names the server may use in its errors, mapped to the ids of the inputs on the form. */
export function fieldIdFor(field: string | null, fields: ContentField[]): string | undefined {
  if (!field) return undefined;
  if ((COMMON_FIELDS as readonly string[]).includes(field)) return field;
  const key = field.startsWith('answers.') ? field.slice('answers.'.length) : null;
  return key !== null && fields.some((f) => f.key === key) ? answerId(key) : undefined;
}

/**
 * The server's refusal as summary items: field errors link to the field they name; a refusal
 * without field errors shows its detail.
 */
export function problemsFromServer(problem: Problem, fallback: Described, fields: ContentField[]): FieldProblem[] {
  if (problem.errors.length === 0) return [problem.detail ? { message: problem.detail, lang: SERVER_LANGUAGE } : fallback];
  return problem.errors.map((error) => {
    const fieldId = fieldIdFor(error.field, fields);
    const message = { message: error.message, lang: SERVER_LANGUAGE };
    return fieldId ? { fieldId, ...message } : message;
  });
}

/**
 * The most the state may pay, computed as the server does (a share of the total budget, at most
 * the kind's amount, raised for a priority area, never above the total); null while unknown.
 */
export function supportCapFor(
  totalBudget: number | undefined,
  cap: SupportCap | null | undefined,
  priorityArea: boolean,
  priorityPercent: number | null | undefined,
): number | null {
  if (totalBudget === undefined || !cap) return null;
  let most = Math.floor((totalBudget * cap.maxPercent) / 100);
  if (cap.maxAmount != null) most = Math.min(most, cap.maxAmount);
  if (priorityArea && priorityPercent) most = Math.floor((most * priorityPercent) / 100);
  return Math.min(most, totalBudget);
}

/** An amount as typed, when it reads as whole đồng (zero included); undefined otherwise. */
export function amountOf(input: string): number | undefined {
  if (/^\s*0+\s*(đ|đồng|vnd)?\s*$/i.test(input)) return 0;
  const parsed = parseVnd(input);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * What a saved dossier still lacks before it can be submitted: the same list the server checks
 * (DossierForms.completenessProblems), so people see it on "check your answers" before trying.
 * Each item names the input to go back to.
 */
export function missingForSubmission(dossier: Dossier, fields: ContentField[], t: TFunction): FieldProblem[] {
  const missing: FieldProblem[] = [];
  const need = (present: boolean, fieldId: string, message: string) => {
    if (!present) missing.push({ fieldId, message });
  };
  need(Boolean(dossier.supportKind), 'supportKind', t('wizard.missing.supportKind'));
  need(Boolean(dossier.communeCode), 'communeCode', t('wizard.missing.communeCode'));
  need(Boolean(dossier.startsOn), 'startsOn', t('wizard.missing.startsOn'));
  need(Boolean(dossier.endsOn), 'endsOn', t('wizard.missing.endsOn'));
  need(Boolean(dossier.expectedOutcomes?.trim()), 'expectedOutcomes', t('wizard.missing.expectedOutcomes'));
  need(dossier.totalBudget != null, 'totalBudget', t('wizard.missing.totalBudget'));
  need((dossier.requestedSupport ?? 0) > 0, 'requestedSupport', t('wizard.missing.requestedSupport'));
  need(dossier.counterpartFunds != null, 'counterpartFunds', t('wizard.missing.counterpartFunds'));
  for (const field of fields) {
    const value = dossier.answers?.[field.key];
    if (field.required && (value === null || value === undefined || String(value).trim() === ''))
      missing.push({ fieldId: answerId(field.key), message: t('wizard.missing.answer', { name: field.label }), lang: SERVER_LANGUAGE });
  }
  return missing;
}
