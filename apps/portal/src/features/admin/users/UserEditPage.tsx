import { useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../../../app/theme';
import {
  checkNip,
  createUserSchema,
  formatNip,
  ROLES,
  t as serverMessage,
  updateUserSchema,
  type AsnType,
  type CreateUser,
  type Lang,
  type Role,
  type UpdateUser,
  type User,
} from '@cakap/contracts';
import { useCreateUser, useUpdateUser, useUser } from '../../../api/users';
import { BackLink } from '../../../components/BackLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { OrgUnitSelect } from '../../../components/OrgUnitSelect';
import { PageHeader } from '../../../components/PageHeader';
import { PositionSelect } from '../../../components/PositionSelect';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';
import { formatDateTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { UserAccountDialogs, type AccountAction } from './UserAccountActions';
import { UserLearningHours } from './UserLearningHours';
import { UserCompetencies } from '../../competencies/admin/UserCompetencies';
import { SupervisorSelect } from '../../follow-up/SupervisorSelect';

/** A titled group of fields (a fieldset with its legend). */
function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="fieldset" m={0}>
      <Title order={2} fz="h4" mb="sm" component="legend" px={4}>
        {legend}
      </Title>
      <Stack>{children}</Stack>
    </Paper>
  );
}

interface Values extends Record<string, unknown> {
  nip: string;
  name: string;
  email: string;
  phone: string;
  golongan: string;
  asnType: AsnType;
  orgUnitId: string | null;
  positionId: string | null;
  supervisorId: string | null;
  roles: Role[];
  password: string;
}

const FIELDS = ['nip', 'name', 'email', 'phone', 'golongan', 'asnType', 'orgUnitId', 'positionId', 'supervisorId', 'roles', 'password'] as const;

function toInput(v: Values, withPassword: boolean) {
  return {
    nip: v.nip,
    name: v.name,
    email: v.email,
    phone: v.phone,
    golongan: v.golongan,
    asnType: v.asnType,
    orgUnitId: v.orgUnitId ?? undefined,
    positionId: v.positionId,
    supervisorId: v.supervisorId,
    roles: v.roles,
    ...(withPassword && v.password ? { password: v.password } : {}),
  };
}

/**
 * The NIP explained as the user types, even while other fields are still empty (the schema's
 * own NIP refinement only runs once the whole object is valid).
 */
function nipErrors(v: Values, lang: Lang): Record<string, string> {
  if (!v.nip.trim()) return { nip: serverMessage('validation.required', lang) };
  const check = checkNip(v.nip, v.asnType);
  return check.ok ? {} : { nip: serverMessage(check.error, lang) };
}

export function UserEditPage() {
  const { id } = useParams();
  const user = useUser(id);
  const { t } = useTranslation();
  if (id && !user.data) {
    return (
      <>
        <PageHeader title={t('users.editTitle')} />
        {user.error ? <ErrorAlert error={user.error} onRetry={() => void user.refetch()} /> : <Skeleton height={400} />}
      </>
    );
  }
  return <UserForm key={user.data?.id ?? 'new'} user={user.data} />;
}

function UserForm({ user }: { user?: User }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<AccountAction>(null);
  const editing = !!user;
  const from = (useLocation().state as { back?: string } | null)?.back;
  const listUrl = `/admin/users${from && from.startsWith('?') ? from : ''}`;

  const form = useZodForm<Values>({
    initialValues: {
      nip: user ? formatNip(user.nip) : '',
      name: user?.name ?? '',
      email: user?.email ?? '',
      phone: user?.phone ?? '',
      golongan: user?.golongan ?? '',
      asnType: user?.asnType ?? 'pns',
      orgUnitId: user?.orgUnit.id ?? null,
      positionId: user?.position?.id ?? null,
      supervisorId: user?.supervisor?.id ?? null,
      roles: user?.roles ?? ['learner'],
      password: '',
    },
    schema: editing ? updateUserSchema : createUserSchema,
    toInput: (v) => toInput(v, !editing),
    extra: nipErrors,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      if (user) {
        const body = updateUserSchema.parse(toInput(values, false)) as UpdateUser;
        const saved = await update.mutateAsync({ id: user.id, body });
        notifications.show({ color: 'green', message: t('users.updated', { name: saved?.name ?? values.name }) });
      } else {
        const body = createUserSchema.parse(toInput(values, true)) as CreateUser;
        const saved = await create.mutateAsync(body);
        notifications.show({ color: 'green', message: t('users.created', { name: saved?.name ?? values.name }) });
      }
      navigate(listUrl);
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  }, () => setError(null));

  const title = editing ? t('users.editTitle') : t('users.createTitle');

  return (
    <>
      <PageHeader
        title={title}
        description={user ? `${user.name} · ${formatNip(user.nip)}` : undefined}
        before={
          <BackLink to={listUrl}>{t('common.back')}</BackLink>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: user ? 8 : 12 }}>
          <form onSubmit={submit} noValidate aria-label={title}>
            <Stack gap="lg" maw={760}>
              {error ? <ErrorAlert error={error} /> : null}
              <FormSection legend={t('users.identity')}>
                <TextInput
                  label={t('users.nip')}
                  description={t('users.nipHint')}
                  inputMode="numeric"
                  autoComplete="off"
                  required
                  {...form.getInputProps('nip')}
                />
                <TextInput label={t('users.name')} required autoComplete="off" {...form.getInputProps('name')} />
                <Radio.Group label={t('users.asnType')} {...form.getInputProps('asnType')}>
                  <Group mt={6}>
                    <Radio value="pns" label={t('asnType.pns')} />
                    <Radio value="pppk" label={t('asnType.pppk')} />
                  </Group>
                </Radio.Group>
                <TextInput label={t('users.golongan')} description={t('users.golonganHint')} {...form.getInputProps('golongan')} />
                <Group grow align="flex-start" gap="md" wrap="wrap">
                  <TextInput label={t('users.email')} type="email" autoComplete="off" miw={220} {...form.getInputProps('email')} />
                  <TextInput label={t('users.phone')} type="tel" autoComplete="off" miw={180} {...form.getInputProps('phone')} />
                </Group>
              </FormSection>

              <FormSection legend={t('users.placement')}>
                <OrgUnitSelect
                  label={t('users.orgUnit')}
                  required
                  selected={user?.orgUnit ?? null}
                  value={form.values.orgUnitId}
                  error={form.errors.orgUnitId}
                  onChange={(v) => {
                    form.setFieldValue('orgUnitId', v);
                    form.validateField('orgUnitId');
                  }}
                />
                <PositionSelect
                  label={t('users.position')}
                  placeholder={t('users.positionPlaceholder')}
                  selected={user?.position ?? null}
                  value={form.values.positionId}
                  error={form.errors.positionId}
                  onChange={(v) => form.setFieldValue('positionId', v)}
                />
              </FormSection>

              <FormSection legend={t('supervisor.legend')}>
                <SupervisorSelect
                  label={t('supervisor.label')}
                  description={t('supervisor.hint')}
                  placeholder={t('supervisor.placeholder')}
                  selected={user?.supervisor ?? null}
                  userId={user?.id}
                  value={form.values.supervisorId}
                  error={form.errors.supervisorId}
                  onChange={(v) => form.setFieldValue('supervisorId', v)}
                />
              </FormSection>

              <FormSection legend={t('users.access')}>
                <Checkbox.Group label={t('users.roles')} required {...form.getInputProps('roles')}>
                  <Group mt={6}>
                    {ROLES.map((r) => (
                      <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                {!editing && (
                  <PasswordInput
                    label={`${t('users.password')} (${t('common.optional')})`}
                    description={t('users.passwordHint')}
                    autoComplete="new-password"
                    {...form.getInputProps('password')}
                  />
                )}
              </FormSection>

              <Group justify="flex-end">
                <Button variant="default" component={Link} to={listUrl}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={create.isPending || update.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        {user && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="lg" component="section" aria-labelledby="account-title">
              <Stack gap="sm">
                <Title order={2} fz="h4" id="account-title">
                  {t('users.account')}
                </Title>
                <Group gap="xs">
                  <Badge variant="outline" color={user.active ? statusColors.success : 'gray.7'} tt="none">
                    {user.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                  {!user.hasPassword && (
                    <Badge variant="outline" color={statusColors.warning} tt="none">
                      {t('users.noPassword')}
                    </Badge>
                  )}
                  {user.mustChangePassword && (
                    <Badge variant="outline" color={statusColors.warning} tt="none">
                      {t('users.mustChange')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  {t('users.lastLogin')}: {user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang) : t('users.never')}
                </Text>
                <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setAction({ kind: 'reset', user })}>
                  {t('users.resetPassword')}
                </Button>
                <Button
                  variant="default"
                  color={user.active ? 'red' : undefined}
                  leftSection={user.active ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
                  onClick={() => setAction({ kind: 'toggle', user })}
                >
                  {user.active ? t('users.deactivate') : t('users.activate')}
                </Button>
              </Stack>
            </Paper>
          </Grid.Col>
        )}
      </Grid>
      {user && <UserLearningHours userId={user.id} />}
      {user && <UserCompetencies userId={user.id} userName={user.name} />}
      <UserAccountDialogs action={action} onClose={() => setAction(null)} />
    </>
  );
}
