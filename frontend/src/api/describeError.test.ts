import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { describeError } from './describeError';
import { ApiError } from './problem';

const t = i18n.t.bind(i18n);

describe('describing a failed call', () => {
  it('prefers the server’s detail, marked as Vietnamese', () => {
    expect(describeError(t, new ApiError({ status: 409, detail: 'Hồ sơ đã được nộp', errors: [] }))).toEqual({
      message: 'Hồ sơ đã được nộp',
      lang: 'vi',
    });
  });

  it('explains a lost connection and an expired session in the interface language', async () => {
    await i18n.changeLanguage('en');
    expect(describeError(t, new ApiError({ status: 0, errors: [] })).message).toMatch(/could not be reached/);
    expect(describeError(t, new ApiError({ status: 401, detail: 'Unauthorized', errors: [] }))).toEqual({
      message: 'Your session has expired. Sign in again to continue.',
    });
  });

  it('asks to wait before looking up again when the server says so', () => {
    expect(describeError(t, new ApiError({ status: 429, retryAfter: 30, detail: 'Too Many Requests', errors: [] }))).toEqual({
      message: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau 30 giây.',
    });
    expect(describeError(t, new ApiError({ status: 429, errors: [] })).message).toMatch(/đợi một lát/);
  });

  it('falls back to a generic message for anything else', () => {
    expect(describeError(t, new Error('boom'))).toEqual({ message: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.' });
    expect(describeError(t, new ApiError({ status: 403, errors: [] })).message).toBe('Bạn không có quyền xem nội dung này.');
  });
});
