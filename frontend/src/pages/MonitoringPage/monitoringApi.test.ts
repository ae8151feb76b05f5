import { describe, expect, it } from 'vitest';
import { buildPayload, inputId, setPath, type FieldSpec } from './monitoringApi';

describe('the monitoring forms’ payloads', () => {
  it('nests indexed and dotted names', () => {
    const payload = {};
    setPath(payload, 'milestones[1].title', 'Lắp đặt máy');
    setPath(payload, 'outcomes.products', 3);
    expect(payload).toEqual({ milestones: [undefined, { title: 'Lắp đặt máy' }], outcomes: { products: 3 } });
  });

  it('reads amounts in whole đồng, allows zero, and counts and percentages as integers', () => {
    const fields: FieldSpec[] = [
      { name: 'spentAmount', kind: 'money', label: 'Đã chi', required: true },
      { name: 'counterpartInvested', kind: 'money', label: 'Vốn đối ứng', required: true },
      { name: 'milestones[0].percentDone', kind: 'percent', label: 'Mốc 1', required: true },
      { name: 'note', kind: 'long', label: 'Ghi chú' },
    ];
    const built = buildPayload(fields, {
      spentAmount: '300.000.000 đ',
      counterpartInvested: '0',
      'milestones[0].percentDone': '75',
      note: '  ',
    });
    expect(built.problems).toEqual([]);
    expect(built.payload).toEqual({ spentAmount: 300_000_000, counterpartInvested: 0, milestones: [{ percentDone: 75 }] });
  });

  it('names every bad or missing answer', () => {
    const fields: FieldSpec[] = [
      { name: 'amount', kind: 'money', label: 'Số tiền', required: true },
      { name: 'percent', kind: 'percent', label: 'Tiến độ', required: true },
      { name: 'reference', kind: 'text', label: 'Số chứng từ', required: true },
    ];
    const built = buildPayload(fields, { amount: '1,5', percent: '120' });
    expect(built.problems.map((p) => [p.name, p.key])).toEqual([
      ['amount', 'monitoring.form.money'],
      ['percent', 'monitoring.form.percent'],
      ['reference', 'monitoring.form.required'],
    ]);
  });

  it('makes input ids the DOM and the error summary can use', () => {
    expect(inputId('plan', 'milestones[0].dueOn')).toBe('plan-milestones-0-dueOn');
    expect(inputId('acceptance', 'outcomes.products')).toBe('acceptance-outcomes-products');
  });
});
