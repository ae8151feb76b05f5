import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SelectField, TextField } from './Field';

describe('form fields', () => {
  it('tie the label, the hint and the error to the input', () => {
    render(<TextField id="code" label="Mã hồ sơ" hint="Ví dụ: …" error="Nhập mã hồ sơ" value="" onChange={() => {}} />);
    const input = screen.getByLabelText('Mã hồ sơ');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('code-hint code-error');
    expect(document.getElementById('code-error')?.textContent).toContain('Nhập mã hồ sơ');
  });

  it('are not marked invalid without an error', () => {
    render(<TextField id="code" label="Mã hồ sơ" value="" onChange={() => {}} />);
    const input = screen.getByLabelText('Mã hồ sơ');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('offer a placeholder choice before the options of a select', async () => {
    function Programme() {
      const [value, setValue] = useState('');
      return (
        <SelectField
          id="programme"
          label="Chương trình"
          placeholder="Chọn chương trình"
          value={value}
          onChange={setValue}
          options={[
            { value: 'NATIONAL', label: 'Khuyến công quốc gia' },
            { value: 'LOCAL', label: 'Khuyến công địa phương' },
          ]}
        />
      );
    }
    render(<Programme />);
    const select = screen.getByLabelText('Chương trình') as HTMLSelectElement;
    expect(select.value).toBe('');
    await userEvent.setup().selectOptions(select, 'LOCAL');
    expect(select.value).toBe('LOCAL');
  });
});
