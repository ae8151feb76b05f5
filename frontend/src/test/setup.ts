import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { api, catalogue } from '../api';
import { setupI18n } from '../i18n';

beforeEach(() => {
  setupI18n('vi');
  // The header asks for the registration address; tests that care say what the server answers.
  // The home page lists the catalogue's processing times; tests that care say what the server answers.
  vi.spyOn(api, 'catalogueContents').mockResolvedValue([]);
  vi.spyOn(api, 'publicConfig').mockResolvedValue({ issuer: 'http://localhost:8080', clientId: 'khuyencong-spa', scopes: 'openid', registrationUrl: null, sessionIdleMinutes: 30, sessionMaxHours: 10 });
});

afterEach(() => {
  cleanup();
  catalogue.clear();
  window.localStorage.clear();
  window.sessionStorage.clear();
});
