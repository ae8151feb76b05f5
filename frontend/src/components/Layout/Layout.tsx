import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../ErrorBoundary/ErrorBoundary';
import { Footer } from '../Footer/Footer';
import { Header } from '../Header/Header';
import { Loading } from '../Loading/Loading';
import { MAIN_CONTENT_ID, SkipLink } from '../SkipLink/SkipLink';

export function Layout() {
  const location = useLocation();
  return (
    <>
      <SkipLink />
      <Header />
      <main id={MAIN_CONTENT_ID} className="page-main" tabIndex={-1}>
        <div className="container">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </div>
      </main>
      <Footer />
    </>
  );
}
