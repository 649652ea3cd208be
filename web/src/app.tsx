import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { CallbackPage } from './features/auth/CallbackPage';
import { LoginPage } from './features/auth/LoginPage';
import { AppShell } from './features/layout/AppShell';
import { NotFoundPage } from './features/placeholder/ComingSoonPage';
import { getLogoutReason, getToken, subscribe, useToken } from './lib/auth';
import { signInConfig } from './lib/runtime-config';
import { createApiClient, createQueryClient, TRPCProvider } from './lib/trpc';
import { RegisterPage } from './pages/RegisterPage';
import { StatusLine } from './ui/StatusLine';

// Login and the register are in the first bundle (the pages people land on); the rest loads on demand.
const NewAgreementPage = lazy(() =>
  import('./features/agreements/NewAgreementPage').then((m) => ({ default: m.NewAgreementPage })),
);
const AgreementDetailPage = lazy(() =>
  import('./pages/AgreementDetailPage').then((m) => ({ default: m.AgreementDetailPage })),
);
const EditAgreementPage = lazy(() =>
  import('./features/agreements/EditAgreementPage').then((m) => ({ default: m.EditAgreementPage })),
);
const RelationDesignerPage = lazy(() =>
  import('./features/steering/RelationDesignerPage').then((m) => ({ default: m.RelationDesignerPage })),
);
const SimulationPage = lazy(() =>
  import('./features/simulation/SimulationPage').then((m) => ({ default: m.SimulationPage })),
);
const RolesPage = lazy(() => import('./features/steering/RolesPage').then((m) => ({ default: m.RolesPage })));
const ConflictsPage = lazy(() =>
  import('./features/steering/ConflictsPage').then((m) => ({ default: m.ConflictsPage })),
);
const SteeringPage = lazy(() => import('./pages/SteeringPage').then((m) => ({ default: m.SteeringPage })));
const DeliverPage = lazy(() =>
  import('./features/reports/DeliverPage').then((m) => ({ default: m.DeliverPage })),
);
const ReportFormPage = lazy(() =>
  import('./features/reports/ReportFormPage').then((m) => ({ default: m.ReportFormPage })),
);
const DeadlinesPage = lazy(() =>
  import('./features/deadlines/DeadlinesPage').then((m) => ({ default: m.DeadlinesPage })),
);
const RegulationsPage = lazy(() =>
  import('./features/subsidy/RegulationsPage').then((m) => ({ default: m.RegulationsPage })),
);
const SigningPage = lazy(() =>
  import('./features/signing/SigningPage').then((m) => ({ default: m.SigningPage })),
);
const RegionsPage = lazy(() =>
  import('./features/regions/RegionsPage').then((m) => ({ default: m.RegionsPage })),
);
const BenchmarkPage = lazy(() =>
  import('./features/regions/BenchmarkPage').then((m) => ({ default: m.BenchmarkPage })),
);
const AdminPage = lazy(() => import('./features/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ImportPage = lazy(() =>
  import('./features/import/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const PeoplePage = lazy(() =>
  import('./features/people/PeoplePage').then((m) => ({ default: m.PeoplePage })),
);
const ParagraphPage = lazy(() =>
  import('./features/pc/ParagraphPage').then((m) => ({ default: m.ParagraphPage })),
);
const OrganisationsPage = lazy(() =>
  import('./features/organisations/OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })),
);

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function PageLoading() {
  const { t } = useTranslation();
  return <StatusLine>{t('app.loading')}</StatusLine>;
}

function AuthenticatedRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path="/" component={RegisterPage} />
        <Route path="/register" component={RegisterPage} />
        <Route path="/register/import" component={ImportPage} />
        <Route path="/agreements/new" component={NewAgreementPage} />
        <Route path="/agreements/:id/edit">
          {(params) => <EditAgreementPage id={decodeParam(params.id)} />}
        </Route>
        <Route path="/agreements/:id/relation">
          {(params) => <RelationDesignerPage id={decodeParam(params.id)} />}
        </Route>
        <Route path="/agreements/:id/simulation">
          {(params) => <SimulationPage id={decodeParam(params.id)} />}
        </Route>
        <Route path="/agreements/:id/roles">{(params) => <RolesPage id={decodeParam(params.id)} />}</Route>
        <Route path="/agreements/:id/report/:dutyId/:period">
          {(params) => (
            <ReportFormPage
              id={decodeParam(params.id)}
              dutyId={decodeParam(params.dutyId)}
              period={decodeParam(params.period)}
            />
          )}
        </Route>
        <Route path="/agreements/:id">
          {(params) => <AgreementDetailPage id={decodeParam(params.id)} />}
        </Route>
        <Route path="/deliver" component={DeliverPage} />
        <Route path="/steering/conflicts" component={ConflictsPage} />
        <Route path="/steering" component={SteeringPage} />
        <Route path="/signing" component={SigningPage} />
        <Route path="/deadlines" component={DeadlinesPage} />
        <Route path="/subsidies" component={RegulationsPage} />
        <Route path="/regions/:space/benchmark">
          {(params) => <BenchmarkPage space={decodeParam(params.space)} />}
        </Route>
        <Route path="/regions" component={RegionsPage} />
        <Route path="/verbonden-partijen" component={ParagraphPage} />
        <Route path="/organisations" component={OrganisationsPage} />
        <Route path="/admin/people" component={PeoplePage} />
        <Route path="/admin" component={AdminPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}

/** Where to come back to after logging in; nothing after a deliberate log-out or for the register itself. */
function loginTarget(location: string, search: string): string {
  if (getLogoutReason() === 'manual' || location === '/' || location === '/register') return '/login';
  const next = search ? `${location}?${search}` : location;
  return `/login?next=${encodeURIComponent(next)}`;
}

function Routes() {
  const token = useToken();
  const [location] = useLocation();
  const search = useSearch();
  return (
    <Switch>
      <Route path="/login">
        <AppShell authenticated={false}>
          <LoginPage />
        </AppShell>
      </Route>
      <Route path="/auth/callback">
        <AppShell authenticated={false}>
          <CallbackPage />
        </AppShell>
      </Route>
      <Route>
        {token ? (
          <AppShell authenticated>
            <AuthenticatedRoutes />
          </AppShell>
        ) : (
          <Redirect to={loginTarget(location, search)} replace />
        )}
      </Route>
    </Switch>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createApiClient);
  // Another user, or none: nothing cached for the previous session may be shown.
  useEffect(() => subscribe(() => queryClient.clear()), [queryClient]);
  // Signed in through Cognito in this tab before a reload: keep renewing the session (lib/oidc.ts, on demand).
  useEffect(() => {
    if (!getToken()) return;
    void signInConfig().then(async (config) => {
      if (config.mode !== 'cognito') return;
      const { resumeSession } = await import('./lib/oidc');
      await resumeSession(config);
    });
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Routes />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
