import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setupI18n } from '../i18n';

beforeEach(() => {
  setupI18n('vi');
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
