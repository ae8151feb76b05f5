import { describe, expect, it } from 'vitest';
import en from './en.json';
import vi from './vi.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const viEntries = flatten(vi);
const enEntries = flatten(en);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('the translation catalogue', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect([...enEntries.keys()].sort()).toEqual([...viEntries.keys()].sort());
  });

  it.each([
    ['Vietnamese', viEntries],
    ['English', enEntries],
  ])('has no empty %s strings', (_language, entries) => {
    const empty = [...entries].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...viEntries]
      .filter(([key, value]) => placeholders(value).join() !== placeholders(enEntries.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('writes Vietnamese with its diacritics', () => {
    // Common words of this service, as they look when the diacritics are lost.
    const unaccented = /\b(ho so|dang nhap|dang xuat|tra cuu|khuyen cong|nop|trang chu|tai lieu|ngay hen)\b/i;
    const suspicious = [...viEntries].filter(([, value]) => unaccented.test(value)).map(([key]) => key);
    expect(suspicious).toEqual([]);
  });

  it('names every dossier status in both languages', () => {
    expect(vi.status).toEqual({
      label: 'Trạng thái',
      DRAFT: 'Bản nháp',
      SUBMITTED: 'Đã tiếp nhận',
      UNDER_REVIEW: 'Đang thẩm định',
      SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung',
      REVIEWED: 'Đã thẩm định',
      APPROVED: 'Đã phê duyệt',
      MONITORED: 'Đang giám sát thực hiện',
      COMPLETED: 'Đã nghiệm thu',
      REJECTED: 'Từ chối',
      WITHDRAWN: 'Đã rút',
      TERMINATED: 'Chấm dứt',
    });
  });

  it('names the service and its main actions as the brief says', () => {
    expect(vi.app.name).toBe('Khuyến công Online');
    expect(vi.nav).toMatchObject({ home: 'Trang chủ', lookup: 'Tra cứu hồ sơ', myDossiers: 'Hồ sơ của tôi' });
    expect(vi.auth).toMatchObject({ signIn: 'Đăng nhập', signOut: 'Đăng xuất' });
    expect(vi.status.SUBMITTED).toBe('Đã tiếp nhận');
  });
});
