import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

function renderDialog(open: boolean) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  const view = render(
    <ConfirmDialog
      open={open}
      title="Xác nhận nộp hồ sơ"
      text="Sau khi nộp, bạn không thể sửa hồ sơ. Tiếp tục?"
      confirmLabel="Nộp hồ sơ"
      cancelLabel="Quay lại"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />,
  );
  return { ...view, onConfirm, onCancel };
}

describe('the confirmation dialog', () => {
  it('asks the question, named by its title and described by its text', () => {
    renderDialog(true);
    const dialog = screen.getByRole('dialog', { name: 'Xác nhận nộp hồ sơ' });
    expect(dialog.getAttribute('aria-describedby')).toBe(screen.getByText(/Sau khi nộp/).id);
  });

  it('gives the focus to the safe answer first', () => {
    renderDialog(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Quay lại' }));
  });

  it('reports the answer', async () => {
    const user = userEvent.setup();
    const { onConfirm, onCancel } = renderDialog(true);
    await user.click(screen.getByRole('button', { name: 'Nộp hồ sơ' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('stays hidden while closed', () => {
    renderDialog(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('can be an urgent message whose safe answer is to go on, given by Escape too', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog
        open
        urgent
        safe="confirm"
        title="Phiên làm việc sắp kết thúc"
        text="Phiên sẽ tự kết thúc."
        confirmLabel="Tiếp tục làm việc"
        cancelLabel="Đăng xuất"
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>Còn lại 2 phút</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Phiên làm việc sắp kết thúc' });
    expect(dialog.textContent).toContain('Còn lại 2 phút');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Tiếp tục làm việc' }));
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(onCancel).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
