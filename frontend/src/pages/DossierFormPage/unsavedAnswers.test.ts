import { afterEach, describe, expect, it } from 'vitest';
import { resumeKeepingDrafts, stopKeepingDrafts } from '../../auth/sessionStore';
import { emptyAnswers } from './dossierForm';
import { keepUnsaved, readUnsaved, unsavedKey } from './unsavedAnswers';

describe('the answers kept in the tab', () => {
  afterEach(() => resumeKeepingDrafts());

  it('are kept per person and per dossier', () => {
    expect(unsavedKey('doanhnghiep', 'd1')).toBe('khuyencong:draft:doanhnghiep:d1');
    expect(unsavedKey('doanhnghiep', null)).toBe('khuyencong:draft:doanhnghiep:new');
    expect(unsavedKey('a:b', 'd1')).not.toBe(unsavedKey('a', 'b:d1'));
  });

  it('are no longer written once signing out has begun', () => {
    stopKeepingDrafts();
    keepUnsaved(unsavedKey('doanhnghiep', 'd1'), { ...emptyAnswers(), title: 'Đề án' });
    expect(window.sessionStorage.length).toBe(0);
    resumeKeepingDrafts();
    keepUnsaved(unsavedKey('doanhnghiep', 'd1'), { ...emptyAnswers(), title: 'Đề án' });
    expect(readUnsaved(unsavedKey('doanhnghiep', 'd1'))?.title).toBe('Đề án');
  });
});
