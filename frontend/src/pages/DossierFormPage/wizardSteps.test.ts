import { describe, expect, it } from 'vitest';
import type { ContentField, Dossier } from '../../api';
import { supportCapFor } from './dossierForm';
import { inFormOrder, resumeStep, stepHref, stepOfField, stepsFor, STEPS } from './wizardSteps';

const FIELDS: ContentField[] = [
  { key: 'machines', label: 'Danh mục máy móc', type: 'LONG_TEXT', required: true },
  { key: 'workers', label: 'Số lao động', type: 'INTEGER', required: false },
];

const draft = (overrides: Partial<Dossier>) =>
  ({ supportKind: 'MACHINERY', communeCode: '19003', startsOn: '2027-02-01', endsOn: '2027-08-31', expectedOutcomes: 'Kết quả', totalBudget: 400, requestedSupport: 150, counterpartFunds: 250, answers: { machines: 'Máy' }, ...overrides }) as Dossier;

describe('the steps of the application', () => {
  it('skips the content’s own questions only when the content has none', () => {
    expect(stepsFor([]).map((s) => s.id)).toEqual(['content', 'project', 'budget', 'documents', 'check']);
    expect(stepsFor(null)).toHaveLength(6);
    expect(stepsFor(FIELDS)).toHaveLength(6);
  });

  it('knows which step asks each input', () => {
    expect(stepOfField('title')).toBe('content');
    expect(stepOfField('fundingCallId')).toBe('content');
    expect(stepOfField('endsOn')).toBe('project');
    expect(stepOfField('counterpartFunds')).toBe('budget');
    expect(stepOfField('answers.machines')).toBe('questions');
    expect(stepOfField('checklist-file-PROJECT_DESCRIPTION')).toBe('documents');
    expect(stepOfField('nothing')).toBeUndefined();
    expect(stepHref('d 1', STEPS[2]!, 'totalBudget')).toBe('/ho-so/d%201/sua/kinh-phi#totalBudget');
  });

  it('resumes a draft at its first unanswered step', () => {
    expect(resumeStep(draft({ supportKind: null }), FIELDS, true)).toBe('content');
    expect(resumeStep(draft({ expectedOutcomes: '  ' }), FIELDS, true)).toBe('project');
    expect(resumeStep(draft({ requestedSupport: 0 }), FIELDS, true)).toBe('budget');
    expect(resumeStep(draft({ answers: {} }), FIELDS, true)).toBe('questions');
    expect(resumeStep(draft({}), FIELDS, false)).toBe('documents');
    expect(resumeStep(draft({}), FIELDS, true)).toBe('check');
  });

  it('lists problems in the order of the form', () => {
    const problems = [{ fieldId: 'answers.workers' }, { fieldId: 'title' }, {}, { fieldId: 'programme' }, { fieldId: 'answers.machines' }];
    expect(inFormOrder(problems, FIELDS).map((p) => p.fieldId)).toEqual([
      'programme',
      'title',
      'answers.machines',
      'answers.workers',
      undefined,
    ]);
  });
});

describe('the support cap', () => {
  const machinery = { maxPercent: 50, maxAmount: 200_000_000 };

  it('is a share of the total budget, at most the kind’s amount', () => {
    expect(supportCapFor(300_000_000, machinery, false, 150)).toBe(150_000_000);
    expect(supportCapFor(1_000_000_000, machinery, false, 150)).toBe(200_000_000);
  });

  it('is raised in a priority area, but never above the total budget', () => {
    expect(supportCapFor(1_000_000_000, machinery, true, 150)).toBe(300_000_000);
    expect(supportCapFor(100_000_000, { maxPercent: 100, maxAmount: null }, true, 150)).toBe(100_000_000);
  });

  it('is unknown without a total budget or a cap in force', () => {
    expect(supportCapFor(undefined, machinery, false, 150)).toBeNull();
    expect(supportCapFor(100, null, false, 150)).toBeNull();
  });
});
