import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ResourceView } from './ResourceView';

describe('ResourceView', () => {
  it('announces loading, then shows the data', () => {
    const { rerender } = render(<ResourceView resource={{ state: 'loading' }}>{(n: number) => <p>{n} hồ sơ</p>}</ResourceView>);
    expect(screen.getByRole('status')).not.toBeNull();
    rerender(<ResourceView resource={{ state: 'ready', data: 3 }}>{(n: number) => <p>{n} hồ sơ</p>}</ResourceView>);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('3 hồ sơ')).not.toBeNull();
  });

  it('explains a failure as an alert and offers to retry when the page can', async () => {
    const retry = vi.fn();
    render(
      <ResourceView resource={{ state: 'failed', error: new TypeError('Failed to fetch') }} onRetry={retry}>
        {() => <p>dữ liệu</p>}
      </ResourceView>,
    );
    expect(screen.getByRole('alert')).not.toBeNull();
    expect(screen.queryByText('dữ liệu')).toBeNull();
    await userEvent.click(screen.getByRole('button'));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('offers no retry button when the page cannot reload', () => {
    render(<ResourceView resource={{ state: 'failed', error: new Error('x') }}>{() => null}</ResourceView>);
    expect(screen.getByRole('alert')).not.toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
