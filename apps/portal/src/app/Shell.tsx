import { Suspense, useEffect, useRef } from 'react';
import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconBuildingCommunity,
  IconCalendarDue,
  IconChevronDown,
  IconClipboardHeart,
  IconFileImport,
  IconHome,
  IconKey,
  IconLanguage,
  IconLayoutDashboard,
  IconLogout,
  IconPencil,
  IconSitemap,
  IconUser,
  IconUsers,
  IconBriefcase,
  IconBooks,
  IconClipboardCheck,
  IconClockHour4,
  IconDatabase,
  IconChecklist,
  IconBook2,
  IconListCheck,
  IconGridDots,
  IconTarget,
  IconCertificate,
  IconTemplate,
  IconReportAnalytics,
  IconStack2,
  IconBulb,
  IconTimeline,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../api/session';
import { useLogout } from '../api/auth';
import { setLanguage } from '../i18n';
import { useLang } from '../i18n/useLang';
import { NotificationsBell } from '../features/notifications/NotificationsBell';

interface Item {
  to: string;
  label: string;
  icon: React.ReactNode;
  exact?: boolean;
  /** Sub-paths that have their own item. */
  except?: string[];
}

export function Shell() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const user = session.user!;
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigation: close the phone menu and move focus to the new page.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname, close]);

  const learnerItems: Item[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} />, exact: true },
    { to: '/katalog', label: t('nav.catalog'), icon: <IconBooks size={18} /> },
    { to: '/jp', label: t('dashboard.jpHistory'), icon: <IconClockHour4 size={18} /> },
    { to: '/kompetensi', label: t('myCompetencies.nav'), icon: <IconTarget size={18} /> },
    { to: '/sertifikat', label: t('certificates.nav.mine'), icon: <IconCertificate size={18} /> },
    { to: '/tindak-lanjut', label: t('followUp.nav'), icon: <IconClipboardHeart size={18} /> },
    { to: '/kebutuhan', label: t('needs.nav'), icon: <IconBulb size={18} /> },
  ];
  if (hasRole(session, 'author', 'admin')) {
    learnerItems.push(
      { to: '/studio', label: t('nav.studio'), icon: <IconPencil size={18} />, except: ['/studio/banks', '/studio/grading'] },
      { to: '/studio/banks', label: t('nav.banks'), icon: <IconDatabase size={18} /> },
      { to: '/studio/grading', label: t('nav.grading'), icon: <IconChecklist size={18} /> },
    );
  }
  const adminItems: Item[] = hasRole(session, 'admin')
    ? [
        { to: '/admin', label: t('nav.adminOverview'), icon: <IconLayoutDashboard size={18} />, exact: true },
        { to: '/admin/org-units', label: t('nav.orgUnits'), icon: <IconSitemap size={18} /> },
        { to: '/admin/positions', label: t('nav.positions'), icon: <IconBriefcase size={18} /> },
        { to: '/admin/users', label: t('nav.users'), icon: <IconUsers size={18} /> },
        { to: '/admin/imports', label: t('nav.imports'), icon: <IconFileImport size={18} /> },
        { to: '/admin/reviews', label: t('nav.reviews'), icon: <IconClipboardCheck size={18} /> },
        { to: '/admin/assignments', label: t('nav.assignments'), icon: <IconCalendarDue size={18} /> },
        { to: '/admin/competencies', label: t('competencyAdmin.nav.frameworks'), icon: <IconBook2 size={18} /> },
        { to: '/admin/competency-standards', label: t('competencyAdmin.nav.standards'), icon: <IconListCheck size={18} /> },
        { to: '/admin/competency-map', label: t('competencyAdmin.nav.map'), icon: <IconGridDots size={18} /> },
        { to: '/admin/certificate-templates', label: t('certificates.nav.templates'), icon: <IconTemplate size={18} /> },
        { to: '/admin/certificate-batches', label: t('certificates.nav.batches'), icon: <IconStack2 size={18} /> },
        { to: '/admin/certificates', label: t('certificates.nav.all'), icon: <IconCertificate size={18} /> },
        { to: '/admin/laporan', label: t('reports.nav'), icon: <IconReportAnalytics size={18} /> },
        { to: '/admin/rencana', label: t('needs.planNav'), icon: <IconTimeline size={18} /> },
      ]
    : [];

  const under = (path: string) => location.pathname === path || location.pathname.startsWith(path + '/');
  const isActive = (item: Item) =>
    item.exact ? location.pathname === item.to : under(item.to) && !(item.except ?? []).some(under);

  const renderItem = (item: Item) => {
    const active = isActive(item);
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        leftSection={<span aria-hidden style={{ display: 'flex' }}>{item.icon}</span>}
        active={active}
        aria-current={active ? 'page' : undefined}
        variant="filled"
      />
    );
  };

  const onLogout = async () => {
    await logout.mutateAsync();
    notifications.show({ message: t('userMenu.loggedOut') });
    navigate('/login', { replace: true });
  };

  const nextLang = lang === 'id' ? 'en' : 'id';

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
            <UnstyledButton component={Link} to="/" aria-label={`${t('app.name')} — ${t('nav.home')}`}>
              <Group gap={8} wrap="nowrap">
                <IconBuildingCommunity size={26} color="var(--mantine-color-cakap-7)" aria-hidden />
                <Text fw={800} fz="xl" c="cakap.8">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap={4} wrap="nowrap">
          <NotificationsBell />
          <Menu position="bottom-end" width={240} withinPortal>
            <Menu.Target>
              <UnstyledButton aria-label={t('userMenu.label', { name: user.name })} p={4} style={{ borderRadius: 8 }}>
                <Group gap={8} wrap="nowrap">
                  <Avatar color="cakap" radius="xl" size={34} aria-hidden />
                  <Text size="sm" fw={500} visibleFrom="sm" maw={220} truncate>
                    {user.name}
                  </Text>
                  <IconChevronDown size={16} aria-hidden />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{user.name}</Menu.Label>
              <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} aria-hidden />}>
                {t('userMenu.profile')}
              </Menu.Item>
              <Menu.Item component={Link} to="/change-password" leftSection={<IconKey size={16} aria-hidden />}>
                {t('userMenu.changePassword')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconLanguage size={16} aria-hidden />}
                lang={nextLang}
                onClick={() => void setLanguage(nextLang)}
              >
                {t('lang.switchTo')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void onLogout()}>
                {t('userMenu.logout')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="main-nav"
        component="nav"
        aria-label={t('nav.main')}
        p="sm"
        inert={isMobile && !opened}
      >
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {learnerItems.map(renderItem)}
            {adminItems.length > 0 && (
              <>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="md" mb={4} px="sm">
                  {t('nav.admin')}
                </Text>
                {adminItems.map(renderItem)}
              </>
            )}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      <Skeleton height={32} width="40%" />
      <Skeleton height={16} width="70%" />
      <Skeleton height={120} />
      <Skeleton height={120} />
    </Stack>
  );
}
