import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { checkOrganisation, communeLabels, matchCommune, problemsFromServer } from './organisationForm';

const t = i18n.t.bind(i18n);
const COMMUNES = [
  { code: '19003', name: 'Xã Côn Minh', priorityArea: true },
  { code: '19010', name: 'Phường Đức Xuân', priorityArea: false },
  { code: '19020', name: 'Xã Tân Lập', priorityArea: false },
  { code: '20040', name: 'Xã Tân Lập', priorityArea: false },
];

describe('the commune typed in the registration', () => {
  it('is found however it is typed on a phone, or by its code', () => {
    expect(matchCommune('Xã Côn Minh', COMMUNES)?.code).toBe('19003');
    expect(matchCommune('  xa con   minh ', COMMUNES)?.code).toBe('19003');
    expect(matchCommune('PHUONG DUC XUAN', COMMUNES)?.code).toBe('19010');
    expect(matchCommune('19010', COMMUNES)?.code).toBe('19010');
  });

  it('carries its code in the list when two communes share a name, and is not guessed then', () => {
    expect([...communeLabels(COMMUNES).keys()]).toEqual([
      'Xã Côn Minh',
      'Phường Đức Xuân',
      'Xã Tân Lập (19020)',
      'Xã Tân Lập (20040)',
    ]);
    expect(matchCommune('Xã Tân Lập', COMMUNES)).toBeNull();
    expect(matchCommune('Xã Tân Lập (20040)', COMMUNES)?.code).toBe('20040');
  });

  it('is not found when it is not in the catalogue', () => {
    expect(matchCommune('Xã Không Có', COMMUNES)).toBeNull();
    expect(matchCommune('', COMMUNES)).toBeNull();
  });
});

describe('checking a registration', () => {
  const complete = {
    taxCode: ' 0100109106-001 ',
    name: ' HTX Côn Minh ',
    type: 'COOPERATIVE',
    address: 'Thôn Nà Pì',
    commune: 'xa con minh',
  };

  it('builds the request with the commune’s code', () => {
    expect(checkOrganisation(complete, COMMUNES, t)).toEqual({
      ok: true,
      request: { taxCode: '0100109106-001', name: 'HTX Côn Minh', type: 'COOPERATIVE', address: 'Thôn Nà Pì', communeCode: '19003' },
    });
  });

  it('names each problem in the order of the form', () => {
    const checked = checkOrganisation({ taxCode: '0100109105', name: ' ', type: 'BANK', address: '', commune: 'Hà Nội' }, COMMUNES, t);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { fieldId: 'taxCode', message: 'Mã số thuế không đúng: chữ số thứ 10 không khớp với 9 chữ số đầu, hãy kiểm tra lại' },
      { fieldId: 'organisationName', message: 'Nhập tên tổ chức' },
      { fieldId: 'organisationType', message: 'Chọn loại hình tổ chức' },
      { fieldId: 'address', message: 'Nhập địa chỉ trụ sở' },
      { fieldId: 'commune', message: 'Không có xã, phường “Hà Nội” trong danh mục: hãy chọn trong danh sách gợi ý' },
    ]);
  });
});

describe('the server’s refusal of a registration', () => {
  it('puts each field error next to its input, in Vietnamese as the server wrote it', () => {
    const problems = problemsFromServer(
      {
        status: 400,
        errors: [
          { field: 'communeCode', message: 'Xã, phường không có trong danh mục.' },
          { field: 'name', message: 'Tên tổ chức quá dài.' },
        ],
      },
      { message: 'x' },
      t,
    );
    expect(problems).toEqual([
      { fieldId: 'organisationName', message: 'Tên tổ chức quá dài.', lang: 'vi' },
      { fieldId: 'commune', message: 'Xã, phường không có trong danh mục.', lang: 'vi' },
    ]);
  });

  it('explains a tax code already registered: ask its owner for an invitation', () => {
    const problems = problemsFromServer({ status: 409, rule: 'tax-code-unique', errors: [] }, { message: 'x' }, t);
    expect(problems).toEqual([{ fieldId: 'taxCode', message: expect.stringContaining('gửi lời mời') }]);
  });
});
