import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useSearchParams } from 'react-router';
import { RequireAuth, RequireRole, FullScreenLoader } from './guards';
import { NotFound } from './ErrorPages';
import { RouteError } from './RouteError';
import { useSession } from '../api/session';

// Every screen is its own chunk: the learner's first screen loads only what it shows.
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const Shell = page(() => import('./Shell'), 'Shell');
const LoginPage = page(() => import('../features/auth/LoginPage'), 'LoginPage');
const ChangePasswordPage = page(() => import('../features/auth/ChangePasswordPage'), 'ChangePasswordPage');
const ProfilePage = page(() => import('../features/auth/ProfilePage'), 'ProfilePage');
const HomePage = page(() => import('../features/home/HomePage'), 'HomePage');
const CatalogPage = page(() => import('../features/catalog/CatalogPage'), 'CatalogPage');
const CoursePage = page(() => import('../features/catalog/CoursePage'), 'CoursePage');
const PlayerPage = page(() => import('../features/learning/PlayerPage'), 'PlayerPage');
const AttemptPage = page(() => import('../features/quiz/AttemptPage'), 'AttemptPage');
const SurveyPage = page(() => import('../features/evaluation/SurveyPage'), 'SurveyPage');
const MyFollowUpsPage = page(() => import('../features/follow-up/MyFollowUpsPage'), 'MyFollowUpsPage');
const FollowUpPage = page(() => import('../features/follow-up/FollowUpPage'), 'FollowUpPage');
const BanksPage = page(() => import('../features/banks/BanksPage'), 'BanksPage');
const BankPage = page(() => import('../features/banks/BankPage'), 'BankPage');
const QuestionEditorPage = page(() => import('../features/banks/QuestionEditorPage'), 'QuestionEditorPage');
const GradingPage = page(() => import('../features/grading/GradingPage'), 'GradingPage');
const JpHistoryPage = page(() => import('../features/learning/JpHistoryPage'), 'JpHistoryPage');
const MyCompetenciesPage = page(() => import('../features/competencies/learner/MyCompetenciesPage'), 'MyCompetenciesPage');
const StudioPage = page(() => import('../features/studio/StudioPage'), 'StudioPage');
const CourseEditorPage = page(() => import('../features/studio/CourseEditorPage'), 'CourseEditorPage');
const PreviewPage = page(() => import('../features/studio/PreviewPage'), 'PreviewPage');
const ReviewsPage = page(() => import('../features/admin/reviews/ReviewsPage'), 'ReviewsPage');
const ReviewPage = page(() => import('../features/admin/reviews/ReviewPage'), 'ReviewPage');
const AdminHome = page(() => import('../features/admin/AdminHome'), 'AdminHome');
const OrgUnitsPage = page(() => import('../features/admin/org-units/OrgUnitsPage'), 'OrgUnitsPage');
const PositionsPage = page(() => import('../features/admin/positions/PositionsPage'), 'PositionsPage');
const UsersPage = page(() => import('../features/admin/users/UsersPage'), 'UsersPage');
const UserEditPage = page(() => import('../features/admin/users/UserEditPage'), 'UserEditPage');
const ImportsPage = page(() => import('../features/admin/imports/ImportsPage'), 'ImportsPage');
const ImportDetailPage = page(() => import('../features/admin/imports/ImportDetailPage'), 'ImportDetailPage');
const AssignmentsPage = page(() => import('../features/admin/assignments/AssignmentsPage'), 'AssignmentsPage');
const FrameworksPage = page(() => import('../features/competencies/admin/FrameworksPage'), 'FrameworksPage');
const FrameworkPage = page(() => import('../features/competencies/admin/FrameworkPage'), 'FrameworkPage');
const StandardsPage = page(() => import('../features/competencies/admin/StandardsPage'), 'StandardsPage');
const HeatmapPage = page(() => import('../features/competencies/admin/HeatmapPage'), 'HeatmapPage');
const MyCertificatesPage = page(() => import('../features/certificates/MyCertificatesPage'), 'MyCertificatesPage');
const TemplatesPage = page(() => import('../features/certificates/TemplatesPage'), 'TemplatesPage');
const TemplateEditPage = page(() => import('../features/certificates/TemplateEditPage'), 'TemplateEditPage');
const BatchesPage = page(() => import('../features/certificates/BatchesPage'), 'BatchesPage');
const CreateBatchPage = page(() => import('../features/certificates/CreateBatchPage'), 'CreateBatchPage');
const BatchPage = page(() => import('../features/certificates/BatchPage'), 'BatchPage');
const CertificatesPage = page(() => import('../features/certificates/CertificatesPage'), 'CertificatesPage');
const NotificationsPage = page(() => import('../features/notifications/NotificationsPage'), 'NotificationsPage');
const NeedsBoardPage = page(() => import('../features/needs/NeedsBoardPage'), 'NeedsBoardPage');
const NeedPage = page(() => import('../features/needs/NeedPage'), 'NeedPage');
const LearningPlanPage = page(() => import('../features/needs/LearningPlanPage'), 'LearningPlanPage');
const ReportsHomePage = page(() => import('../features/reports/ReportsHomePage'), 'ReportsHomePage');
const CourseReportPage = page(() => import('../features/reports/CourseReportPage'), 'CourseReportPage');
const OrgUnitReportPage = page(() => import('../features/reports/OrgUnitReportPage'), 'OrgUnitReportPage');
const ProgrammeReportPage = page(() => import('../features/reports/ProgrammeReportPage'), 'ProgrammeReportPage');
const VerifyPage = page(() => import('../features/verify/VerifyPage'), 'VerifyPage');

function Top({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullScreenLoader />}>{children}</Suspense>;
}

/** The login page is for signed-out visitors; a signed-in one goes where they were heading. */
function PublicOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const [params] = useSearchParams();
  if (session.status === 'loading') return <FullScreenLoader />;
  if (session.status === 'authenticated') {
    const next = params.get('next');
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  return <>{children}</>;
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: (
          <PublicOnly>
            <Top>
              <LoginPage />
            </Top>
          </PublicOnly>
        ),
      },
      {
        // The QR code's target: public, for visitors without an account (no shell, no login).
        path: '/verify/:code?',
        element: (
          <Top>
            <VerifyPage />
          </Top>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <Top>
              <Shell />
            </Top>
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'katalog', element: <CatalogPage /> },
          { path: 'katalog/:id', element: <CoursePage /> },
          { path: 'belajar/:enrollmentId/kuis/:attemptId', element: <AttemptPage /> },
          { path: 'belajar/:enrollmentId/survei', element: <SurveyPage /> },
          { path: 'belajar/:enrollmentId/:lessonKey?', element: <PlayerPage /> },
          { path: 'jp', element: <JpHistoryPage /> },
          { path: 'kompetensi', element: <MyCompetenciesPage /> },
          { path: 'sertifikat', element: <MyCertificatesPage /> },
          { path: 'tindak-lanjut', element: <MyFollowUpsPage /> },
          { path: 'tindak-lanjut/:id', element: <FollowUpPage /> },
          { path: 'notifikasi', element: <NotificationsPage /> },
          { path: 'kebutuhan', element: <NeedsBoardPage /> },
          { path: 'kebutuhan/:id', element: <NeedPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          {
            path: 'studio',
            element: (
              <RequireRole roles={['author', 'admin']}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, element: <StudioPage /> },
              { path: 'courses/:id', element: <CourseEditorPage /> },
              { path: 'courses/:id/preview/:lessonKey?', element: <PreviewPage /> },
              { path: 'courses/:id/laporan', element: <CourseReportPage /> },
              { path: 'banks', element: <BanksPage /> },
              { path: 'banks/:id', element: <BankPage /> },
              { path: 'banks/:bankId/questions/:questionId', element: <QuestionEditorPage /> },
              { path: 'grading', element: <GradingPage /> },
            ],
          },
          {
            path: 'admin',
            element: (
              <RequireRole roles={['admin']}>
                <Outlet />
              </RequireRole>
            ),
            children: [
              { index: true, element: <AdminHome /> },
              { path: 'org-units', element: <OrgUnitsPage /> },
              { path: 'positions', element: <PositionsPage /> },
              { path: 'users', element: <UsersPage /> },
              { path: 'users/new', element: <UserEditPage /> },
              { path: 'users/:id', element: <UserEditPage /> },
              { path: 'imports', element: <ImportsPage /> },
              { path: 'imports/:id', element: <ImportDetailPage /> },
              { path: 'reviews', element: <ReviewsPage /> },
              { path: 'reviews/:id', element: <ReviewPage /> },
              { path: 'assignments', element: <AssignmentsPage /> },
              { path: 'competencies', element: <FrameworksPage /> },
              { path: 'competencies/:id', element: <FrameworkPage /> },
              { path: 'competency-standards', element: <StandardsPage /> },
              { path: 'competency-map', element: <HeatmapPage /> },
              { path: 'certificate-templates', element: <TemplatesPage /> },
              { path: 'certificate-templates/:id', element: <TemplateEditPage /> },
              { path: 'certificate-batches', element: <BatchesPage /> },
              { path: 'certificate-batches/new', element: <CreateBatchPage /> },
              { path: 'certificate-batches/:id', element: <BatchPage /> },
              { path: 'certificates', element: <CertificatesPage /> },
              { path: 'rencana', element: <LearningPlanPage /> },
              { path: 'laporan', element: <ReportsHomePage /> },
              { path: 'laporan/kursus/:id', element: <CourseReportPage /> },
              { path: 'laporan/unit', element: <OrgUnitReportPage /> },
              { path: 'laporan/program', element: <ProgrammeReportPage /> },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
