import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import type { ContentField, Dossier } from '../../api/types';
import { answersFromDossier, checkAnswers, emptyAnswers, fieldIdFor, problemsFromServer } from './dossierForm';

const t = i18n.t.bind(i18n);

const FIELDS: ContentField[] = [
  { key: 'machines', label: 'Danh mục máy móc', type: 'LONG_TEXT', required: true },
  { key: 'supplierQuotes', label: 'Số báo giá', type: 'INTEGER', required: true, min: 1, max: 20 },
  { key: 'certified', label: 'Đã có chứng nhận', type: 'BOOLEAN', required: false },
];

const started = { ...emptyAnswers(), title: ' Máy chế biến miến dong ', contentCode: 'TECHNOLOGY_TRANSFER', programme: 'LOCAL' };

describe('the dossier form', () => {
  it('saves a draft with only its title, content and programme', () => {
    expect(checkAnswers(started, FIELDS, t)).toEqual({
      ok: true,
      request: { title: 'Máy chế biến miến dong', contentCode: 'TECHNOLOGY_TRANSFER', programme: 'LOCAL', answers: {} },
    });
  });

  it('asks for the three answers a draft needs, in the order of the form', () => {
    const checked = checkAnswers(emptyAnswers(), FIELDS, t);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.fieldId)).toEqual(['title', 'contentCode', 'programme']);
  });

  it('turns amounts, numbers and yes/no into the types the server expects', () => {
    const checked = checkAnswers(
      {
        ...started,
        totalBudget: '400.000.000',
        requestedSupport: '150.000.000',
        counterpartFunds: '250.000.000',
        startsOn: '2027-02-01',
        endsOn: '2027-08-31',
        answers: { machines: ' Máy nghiền ', supplierQuotes: '2', certified: 'false' },
      },
      FIELDS,
      t,
    );
    expect(checked).toMatchObject({
      ok: true,
      request: {
        totalBudget: 400_000_000,
        requestedSupport: 150_000_000,
        counterpartFunds: 250_000_000,
        startsOn: '2027-02-01',
        endsOn: '2027-08-31',
        answers: { machines: 'Máy nghiền', supplierQuotes: 2, certified: false },
      },
    });
  });

  it('points at each wrong answer, content questions included', () => {
    const checked = checkAnswers(
      {
        ...started,
        totalBudget: '400.000.000',
        requestedSupport: '150.000.000',
        counterpartFunds: '200.000.000',
        startsOn: '2027-08-31',
        endsOn: '2027-02-01',
        answers: { supplierQuotes: '25' },
      },
      FIELDS,
      t,
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems).toEqual([
        { fieldId: 'totalBudget', message: 'Tổng kinh phí phải bằng kinh phí đề nghị hỗ trợ cộng vốn đối ứng' },
        { fieldId: 'endsOn', message: 'Ngày kết thúc phải sau ngày bắt đầu' },
        { fieldId: 'answers.supplierQuotes', message: 'Số báo giá: lớn nhất là 20' },
      ]);
  });

  it('accepts no own funds at all', () => {
    expect(checkAnswers({ ...started, counterpartFunds: '0' }, FIELDS, t)).toMatchObject({ ok: true, request: { counterpartFunds: 0 } });
  });

  it('brings a saved draft back as it was typed', () => {
    const form = answersFromDossier({
      title: 'Đề án',
      contentCode: 'TECHNOLOGY_TRANSFER',
      programme: 'LOCAL',
      requestedSupport: 150_000_000,
      totalBudget: null,
      answers: { supplierQuotes: 2, certified: true },
    } as unknown as Dossier);
    expect(form).toMatchObject({ requestedSupport: '150000000', totalBudget: '', answers: { supplierQuotes: '2', certified: 'true' } });
  });

  it('links the server’s errors to the inputs they name', () => {
    expect(fieldIdFor('answers.machines', FIELDS)).toBe('answers.machines');
    expect(fieldIdFor('answers.unknown', FIELDS)).toBeUndefined();
    expect(fieldIdFor('fundingCallId', FIELDS)).toBe('fundingCallId');
    expect(
      problemsFromServer(
        { status: 400, errors: [{ field: 'answers.supplierQuotes', message: 'Vui lòng nhập một số nguyên.' }] },
        { message: 'x' },
        FIELDS,
      ),
    ).toEqual([{ fieldId: 'answers.supplierQuotes', message: 'Vui lòng nhập một số nguyên.', lang: 'vi' }]);
  });
});
