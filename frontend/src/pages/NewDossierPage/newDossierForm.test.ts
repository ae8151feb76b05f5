import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { checkAnswers, emptyAnswers, problemsFromServer } from './newDossierForm';

const t = i18n.t.bind(i18n);

describe('the new dossier form', () => {
  it('builds the request with the amount in whole đồng', () => {
    const checked = checkAnswers(
      { title: '  Máy chế biến miến dong ', contentCode: 'MACHINERY', programme: 'LOCAL', requestedSupport: '150.000.000' },
      t,
    );
    expect(checked).toEqual({
      ok: true,
      request: { title: 'Máy chế biến miến dong', contentCode: 'MACHINERY', programme: 'LOCAL', requestedSupport: 150_000_000 },
    });
  });

  it('lists every missing answer in the order of the form', () => {
    const checked = checkAnswers(emptyAnswers(), t);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { fieldId: 'title', message: 'Nhập tên đề án' },
        { fieldId: 'contentCode', message: 'Chọn nội dung khuyến công' },
        { fieldId: 'programme', message: 'Chọn chương trình' },
        { fieldId: 'requestedSupport', message: 'Nhập kinh phí đề nghị hỗ trợ' },
      ],
    });
  });

  it('explains what is wrong with the amount', () => {
    const answers = { title: 'Đề án', contentCode: 'MACHINERY', programme: 'NATIONAL', requestedSupport: '' };
    const message = (requestedSupport: string) => {
      const checked = checkAnswers({ ...answers, requestedSupport }, t);
      return checked.ok ? null : checked.problems[0]?.message;
    };
    expect(message('1.500.000,5')).toBe('Kinh phí đề nghị hỗ trợ là số tiền tròn đồng, không có phần lẻ');
    expect(message('0')).toBe('Kinh phí đề nghị hỗ trợ phải lớn hơn 0');
    expect(message('một trăm triệu')).toBe('Kinh phí đề nghị hỗ trợ chỉ gồm chữ số, ví dụ 150.000.000');
  });

  it('refuses a programme that is not offered', () => {
    const checked = checkAnswers({ title: 'Đề án', contentCode: 'X', programme: 'PROVINCIAL', requestedSupport: '1' }, t);
    expect(checked.ok).toBe(false);
  });

  it('refuses a title longer than 500 characters', () => {
    const checked = checkAnswers({ title: 'a'.repeat(501), contentCode: 'X', programme: 'LOCAL', requestedSupport: '1' }, t);
    expect(checked).toMatchObject({ ok: false, problems: [{ fieldId: 'title', message: 'Tên đề án không quá 500 ký tự' }] });
  });

  it('links the server’s field errors to the fields they name', () => {
    expect(
      problemsFromServer(
        {
          status: 400,
          detail: 'Dữ liệu không hợp lệ',
          errors: [
            { field: 'requestedSupport', message: 'Vượt mức hỗ trợ tối đa của nội dung' },
            { field: 'organisation', message: 'Tổ chức chưa đăng ký' },
          ],
        },
        { message: 'fallback' },
      ),
    ).toEqual([
      { fieldId: 'requestedSupport', message: 'Vượt mức hỗ trợ tối đa của nội dung', lang: 'vi' },
      { message: 'Tổ chức chưa đăng ký', lang: 'vi' },
    ]);
  });

  it('shows the detail of a refusal without field errors', () => {
    expect(
      problemsFromServer({ status: 403, detail: 'Tài khoản chưa gắn với tổ chức', errors: [] }, { message: 'fallback' }),
    ).toEqual([{ message: 'Tài khoản chưa gắn với tổ chức', lang: 'vi' }]);
    expect(problemsFromServer({ status: 500, errors: [] }, { message: 'fallback' })).toEqual([{ message: 'fallback' }]);
  });
});
