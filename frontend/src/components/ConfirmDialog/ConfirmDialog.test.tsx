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
});
