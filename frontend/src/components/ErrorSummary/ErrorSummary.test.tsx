import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary';

function Form({ attempt, problems }: { attempt: number; problems: { fieldId?: string; message: string }[] }) {
  return (
    <>
      <ErrorSummary attempt={attempt} problems={problems} />
      <div className="field">
        <label htmlFor="code">Mã hồ sơ</label>
        <input id="code" defaultValue="abc" />
      </div>
    </>
  );
}

describe('the error summary', () => {
  it('shows nothing while the form has no problems', () => {
    const { container } = render(<Form attempt={0} problems={[]} />);
    expect(container.querySelector('.error-summary')).toBeNull();
  });

  it('takes the focus and lists each problem as a link to its field', async () => {
    const user = userEvent.setup();
    render(<Form attempt={1} problems={[{ fieldId: 'code', message: 'Nhập mã hồ sơ' }, { message: 'Thiếu tài liệu' }]} />);
    const summary = screen.getByRole('region', { name: 'Có lỗi cần sửa' });
    expect(document.activeElement).toBe(summary);

    const link = screen.getByRole('link', { name: 'Nhập mã hồ sơ' });
    expect(link.getAttribute('href')).toBe('#code');
    expect(screen.getByText('Thiếu tài liệu').tagName).toBe('LI');

    await user.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Mã hồ sơ'));
    expect((screen.getByLabelText('Mã hồ sơ') as HTMLInputElement).value).toBe('abc');
  });

  it('takes the focus again on the next attempt', () => {
    const problems = [{ fieldId: 'code', message: 'Nhập mã hồ sơ' }];
    const { rerender } = render(<Form attempt={1} problems={problems} />);
    screen.getByLabelText('Mã hồ sơ').focus();
    rerender(<Form attempt={2} problems={problems} />);
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Có lỗi cần sửa' }));
  });
});
