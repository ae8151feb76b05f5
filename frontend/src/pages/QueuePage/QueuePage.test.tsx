import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { api, type Dossier } from '../../api';
import { renderPage } from '../../test/render';
import { QueuePage } from './QueuePage';

const late = {
  id: 'd1',
  code: '000.00.15.H55-261127-0001',
  title: 'Máy chế biến miến dong',
  status: 'UNDER_REVIEW',
  statusName: 'Đang thẩm định',
  appointmentDate: '2026-12-18',
  deadline: 'OVERDUE',
  overdue: true,
  assignedReviewer: 'thamdinh',
} as Dossier;

describe('the officers’ queue', () => {
  it('lists the agency’s dossiers with their deadline in words, and filters by status and assignee', async () => {
    const user = userEvent.setup();
    const queue = vi.spyOn(api, 'queue').mockResolvedValue([late]);
    renderPage(<QueuePage />, { path: '/can-bo', at: '/can-bo' });

    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: late.code! }).getAttribute('href')).toBe('/ho-so/d1');
    expect(within(row).getByText('Quá hạn')).toBeTruthy();
    expect(within(row).getByText('18/12/2026')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'SUBMITTED');
    await waitFor(() => expect(queue).toHaveBeenLastCalledWith({ status: 'SUBMITTED', assignee: undefined }));
    await user.click(screen.getByLabelText('Chỉ hồ sơ được giao cho tôi'));
    await waitFor(() => expect(queue).toHaveBeenLastCalledWith({ status: 'SUBMITTED', assignee: 'me' }));
  });
});
