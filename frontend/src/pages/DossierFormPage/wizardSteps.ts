import type { ContentField, Dossier } from '../../api/types';
import { isChecklistInput } from '../../components/DocumentChecklist/checklistInput';
import { answerId, type CommonField } from './dossierForm';

/**
 * The application, one group of questions per step. Each step is saved as a draft before the
 * next one opens, so an enterprise can stop anywhere and come back from "my dossiers".
 *
 * The project's title is asked on the first step, with the programme and the content: the
 * server keeps a draft only once it has those three answers.
 */
export type StepId = 'content' | 'project' | 'budget' | 'questions' | 'documents' | 'check';

export interface Step {
  id: StepId;
  /** The step's part of the address: /ho-so/:id/sua/<slug>. */
  slug: string;
  /** The inputs the step asks; the content's own questions belong to "questions". */
  fields: readonly (CommonField | 'fundingCallId')[];
}

export const STEPS: readonly Step[] = [
  { id: 'content', slug: 'noi-dung', fields: ['programme', 'fundingCallId', 'contentCode', 'supportKind', 'title'] },
  { id: 'project', slug: 'de-an', fields: ['communeCode', 'startsOn', 'endsOn', 'expectedOutcomes'] },
  { id: 'budget', slug: 'kinh-phi', fields: ['totalBudget', 'requestedSupport', 'counterpartFunds'] },
  { id: 'questions', slug: 'thong-tin-rieng', fields: [] },
  { id: 'documents', slug: 'tai-lieu', fields: [] },
  { id: 'check', slug: 'kiem-tra', fields: [] },
];

/** The steps this dossier goes through: a content without questions of its own skips that step. */
export function stepsFor(fields: readonly ContentField[] | null): Step[] {
  return STEPS.filter((step) => step.id !== 'questions' || fields === null || fields.length > 0);
}

export function stepBySlug(steps: readonly Step[], slug: string | undefined): Step | undefined {
  return steps.find((step) => step.slug === slug);
}

/** The step that asks an input, by the input's id ("title", "answers.machines", "checklist-file-REQUEST_LETTER"). */
export function stepOfField(fieldId: string): StepId | undefined {
  if (fieldId.startsWith('answers.')) return 'questions';
  if (isChecklistInput(fieldId)) return 'documents';
  return STEPS.find((step) => (step.fields as readonly string[]).includes(fieldId))?.id;
}

export function stepHref(dossierId: string, step: Step, fieldId?: string): string {
  return `/ho-so/${encodeURIComponent(dossierId)}/sua/${step.slug}${fieldId ? `#${fieldId}` : ''}`;
}

/**
 * Where to take someone who comes back to a draft: the first step with an unanswered question,
 * or "check your answers" when everything has been answered.
 */
export function resumeStep(dossier: Dossier, fields: readonly ContentField[], hasDocuments: boolean): StepId {
  const blank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';
  if (blank(dossier.supportKind)) return 'content';
  if ([dossier.communeCode, dossier.startsOn, dossier.endsOn, dossier.expectedOutcomes].some(blank)) return 'project';
  if (blank(dossier.totalBudget) || blank(dossier.counterpartFunds) || !dossier.requestedSupport) return 'budget';
  if (fields.some((field) => field.required && blank(dossier.answers?.[field.key]))) return 'questions';
  if (!hasDocuments) return 'documents';
  return 'check';
}

const FORM_ORDER: readonly string[] = STEPS.flatMap((step) => step.fields as readonly string[]);

/** Sorts problems in the order their inputs appear in the form, as the error summary lists them. */
export function inFormOrder<P extends { fieldId?: string }>(problems: P[], fields: readonly ContentField[]): P[] {
  const rank = (fieldId: string | undefined) => {
    if (!fieldId) return Number.MAX_SAFE_INTEGER;
    const common = FORM_ORDER.indexOf(fieldId);
    if (common >= 0) return common;
    const answer = fields.findIndex((field) => answerId(field.key) === fieldId);
    if (answer >= 0) return FORM_ORDER.length + answer;
    return FORM_ORDER.length + fields.length + 1;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem.fieldId) - rank(b.problem.fieldId) || a.index - b.index)
    .map(({ problem }) => problem);
}
