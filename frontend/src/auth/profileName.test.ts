import { describe, expect, it } from 'vitest';
import { vietnameseName } from './profileName';

describe('the name shown from the identity provider’s profile', () => {
  it('puts the family name first, then the middle and given names', () => {
    expect(vietnameseName({ name: 'An Van Nguyen', family_name: 'Nguyễn', middle_name: 'Văn', given_name: 'An' })).toBe(
      'Nguyễn Văn An',
    );
  });

  it('leaves out a part the provider does not give', () => {
    expect(vietnameseName({ family_name: 'Lê', given_name: 'Hà' })).toBe('Lê Hà');
    expect(vietnameseName({ family_name: ' Trần ', middle_name: '', given_name: 'Thị Mai' })).toBe('Trần Thị Mai');
  });

  it('uses the full name when the parts are missing', () => {
    expect(vietnameseName({ name: 'Phạm Quốc Bảo', middle_name: 'Quốc' })).toBe('Phạm Quốc Bảo');
    expect(vietnameseName({})).toBeUndefined();
  });
});
