import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { Layout } from './components/Layout/Layout';
import { HomePage } from './pages/HomePage/HomePage';

/** Pages other than the home page load on demand, keeping the first download small. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const LookupPage = page(() => import('./pages/LookupPage/LookupPage'), 'LookupPage');
const CallbackPage = page(() => import('./pages/CallbackPage/CallbackPage'), 'CallbackPage');
const MyDossiersPage = page(() => import('./pages/MyDossiersPage/MyDossiersPage'), 'MyDossiersPage');
const NewDossierPage = page(() => import('./pages/DossierFormPage/DossierFormPage'), 'NewDossierPage');
const EditDossierPage = page(() => import('./pages/DossierFormPage/DossierFormPage'), 'EditDossierPage');
const ReceiptPage = page(() => import('./pages/ReceiptPage/ReceiptPage'), 'ReceiptPage');
const AdminCataloguePage = page(() => import('./pages/AdminCataloguePage/AdminCataloguePage'), 'AdminCataloguePage');
const QueuePage = page(() => import('./pages/QueuePage/QueuePage'), 'QueuePage');
const DossierPage = page(() => import('./pages/DossierPage/DossierPage'), 'DossierPage');
const MonitoringPage = page(() => import('./pages/MonitoringPage/MonitoringPage'), 'MonitoringPage');
const VerifyPage = page(() => import('./pages/VerifyPage/VerifyPage'), 'VerifyPage');
const StatisticsPage = page(() => import('./pages/StatisticsPage/StatisticsPage'), 'StatisticsPage');
const DashboardPage = page(() => import('./pages/DashboardPage/DashboardPage'), 'DashboardPage');
const OrganisationRegistrationPage = page(
  () => import('./pages/OrganisationPage/OrganisationRegistrationPage'),
  'OrganisationRegistrationPage',
);
const NoAgencyPage = page(() => import('./pages/NoAgencyPage/NoAgencyPage'), 'NoAgencyPage');
const InvitationPage = page(() => import('./pages/InvitationPage/InvitationPage'), 'InvitationPage');
const NotFoundPage = page(() => import('./pages/NotFoundPage/NotFoundPage'), 'NotFoundPage');

/** Every path of the site; ASCII and Vietnamese-readable, served by index.html for deep links. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="tra-cuu/:code?" element={<LookupPage />} />
        <Route path="auth/callback" element={<CallbackPage />} />
        <Route path="xac-thuc/:code?" element={<VerifyPage />} />
        <Route path="thong-ke" element={<StatisticsPage />} />
        <Route path="loi-moi" element={<InvitationPage />} />
        <Route
          path="dang-ky-to-chuc"
          element={
            <RequireAuth step="ORGANISATION_REQUIRED">
              <OrganisationRegistrationPage />
            </RequireAuth>
          }
        />
        <Route
          path="chua-gan-co-quan"
          element={
            <RequireAuth step="AGENCY_UNKNOWN">
              <NoAgencyPage />
            </RequireAuth>
          }
        />
        <Route path="can-bo/thong-ke" element={<RequireAuth><DashboardPage /></RequireAuth>} />
        <Route
          path="ho-so"
          element={
            <RequireAuth>
              <MyDossiersPage />
            </RequireAuth>
          }
        />
        <Route
          path="ho-so/moi"
          element={
            <RequireAuth>
              <NewDossierPage />
            </RequireAuth>
          }
        />
        <Route
          path="ho-so/:id"
          element={
            <RequireAuth>
              <DossierPage />
            </RequireAuth>
          }
        />
        <Route
          path="ho-so/:id/theo-doi"
          element={
            <RequireAuth>
              <MonitoringPage />
            </RequireAuth>
          }
        />
        <Route
          path="ho-so/:id/sua/:step?"
          element={
            <RequireAuth>
              <EditDossierPage />
            </RequireAuth>
          }
        />
        <Route
          path="ho-so/:id/bien-nhan"
          element={
            <RequireAuth>
              <ReceiptPage />
            </RequireAuth>
          }
        />
        <Route
          path="can-bo"
          element={
            <RequireAuth>
              <QueuePage />
            </RequireAuth>
          }
        />
        <Route
          path="quan-tri/danh-muc/:section?"
          element={
            <RequireAuth>
              <AdminCataloguePage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
