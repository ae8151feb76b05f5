import { describe, expect, it } from 'vitest';
import { ApiError, parseProblem } from './problem';

describe('reading problem details', () => {
  it('reads the title, the Vietnamese detail and the field errors', () => {
    const body = JSON.stringify({
      type: 'https://khuyencong.example/problems/validation',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      detail: 'Hồ sơ có 2 lỗi.',
      errors: [
        { field: 'title', message: 'Nhập tên đề án' },
        { field: 'requestedSupport', message: 'Kinh phí đề nghị phải lớn hơn 0' },
      ],
    });
    expect(parseProblem(400, body)).toEqual({
      status: 400,
      type: 'https://khuyencong.example/problems/validation',
      title: 'Dữ liệu không hợp lệ',
      detail: 'Hồ sơ có 2 lỗi.',
      errors: [
        { field: 'title', message: 'Nhập tên đề án' },
        { field: 'requestedSupport', message: 'Kinh phí đề nghị phải lớn hơn 0' },
      ],
    });
  });

  it('reads field errors given as JSON pointers or in Spring’s default shape', () => {
    const body = JSON.stringify({
      status: 400,
      errors: [
        { pointer: '#/contentCode', detail: 'Chọn nội dung khuyến công' },
        { field: 'programme', defaultMessage: 'Chọn chương trình' },
        'Hồ sơ chưa đầy đủ',
      ],
    });
    expect(parseProblem(400, body).errors).toEqual([
      { field: 'contentCode', message: 'Chọn nội dung khuyến công' },
      { field: 'programme', message: 'Chọn chương trình' },
      { field: null, message: 'Hồ sơ chưa đầy đủ' },
    ]);
  });

  it('keeps the refusal of a workflow rule', () => {
    const body = JSON.stringify({ status: 409, title: 'Conflict', detail: 'Thiếu tài liệu bắt buộc: Đơn đề nghị hỗ trợ' });
    const problem = parseProblem(409, body);
    expect(problem.detail).toBe('Thiếu tài liệu bắt buộc: Đơn đề nghị hỗ trợ');
    expect(problem.errors).toEqual([]);
  });

  it('skips field errors that carry no message', () => {
    const body = JSON.stringify({ status: 400, errors: [{ field: 'title' }, null, 42, { field: 'x', message: '  ' }] });
    expect(parseProblem(400, body).errors).toEqual([]);
  });

  it.each([
    ['an empty body', ''],
    ['an HTML error page', '<html><body>Bad gateway</body></html>'],
    ['a JSON array', '[1, 2]'],
    ['a JSON string', '"oops"'],
  ])('falls back to the HTTP status for %s', (_label, body) => {
    expect(parseProblem(502, body)).toEqual({ status: 502, errors: [] });
  });

  it('ignores a status in the body that is not an error status', () => {
    expect(parseProblem(404, JSON.stringify({ status: 200, detail: 'Không tìm thấy hồ sơ' }))).toMatchObject({
      status: 404,
      detail: 'Không tìm thấy hồ sơ',
    });
  });

  it('makes an error whose message is the detail', () => {
    const error = new ApiError(parseProblem(409, JSON.stringify({ detail: 'Hồ sơ đã được nộp' })));
    expect(error.message).toBe('Hồ sơ đã được nộp');
    expect(error.status).toBe(409);
    expect(error.isNetworkError).toBe(false);
    expect(new ApiError({ status: 0, errors: [] }).isNetworkError).toBe(true);
  });
});
