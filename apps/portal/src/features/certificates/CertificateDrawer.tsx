import { useState } from 'react';
import { Anchor, Button, Drawer, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconDownload, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { revokeSchema, type Certificate } from '@cakap/contracts';
import { downloadCertificatePdf, useCertificate, useCertificateAction } from '../../api/certificates';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CertificateStatusBadge } from './CertificateStatusBadge';
import { CopyLinkButton } from './CopyLinkButton';

interface Props {
  certificate: Certificate;
  onClose: () => void;
  /** Another certificate to show (the one a reissue made, or the one it replaced). */
  onShow: (c: Certificate) => void;
}

/** One certificate for the admin: its record, the PDF, the verification link, revoke and reissue. */
export function CertificateDrawer({ certificate, onClose, onShow }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorMessage = useErrorMessage();
  const fresh = useCertificate(certificate.id);
  const c = fresh.data ?? certificate;
  const [action, setAction] = useState<'revoke' | 'reissue' | null>(null);
  const r = c.recipient;

  const download = async () => {
    try {
      await downloadCertificatePdf(c);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={t('certificates.admin.detail')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text ff="monospace" fw={600}>
            {c.number}
          </Text>
          <CertificateStatusBadge status={c.status} />
        </Group>
        <dl style={{ margin: 0 }}>
          <Row label={t('certificates.name')} value={r.name} />
          <Row label={t('certificates.nip')} value={r.nip} />
          <Row label={t('certificates.orgUnit')} value={r.orgUnit} />
          {r.position && <Row label={t('certificates.position')} value={r.position} />}
          <Row label={t('certificates.course')} value={c.courseTitle} />
          <Row label="JP" value={formatNumber(c.jp, lang)} />
          <Row label={t('certificates.issuedAt')} value={formatDate(c.issuedAt, lang)} />
          <Row label={t('certificates.code')} value={c.code} />
        </dl>
        {c.status === 'revoked' && (
          <Text size="sm" c="red.9">
            {t('certificates.revokedNote', { date: formatDateTime(c.revokedAt, lang), reason: c.revokeReason ?? '—' })}
          </Text>
        )}
        {c.replacedBy && (
          <Text size="sm">
            {t('certificates.admin.replacedBy')}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => onShowById(c.replacedBy!.id)}>
              {c.replacedBy.number}
            </Anchor>
          </Text>
        )}
        {c.replaces && (
          <Text size="sm">
            {t('certificates.admin.replaces')}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => onShowById(c.replaces!.id)}>
              {c.replaces.number}
            </Anchor>
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void download()} disabled={!c.hasPdf}>
            {c.hasPdf ? t('certificates.downloadPdf') : t('certificates.pdfPending')}
          </Button>
          <CopyLinkButton code={c.code} label={t('certificates.admin.copyLink')} />
          <Anchor component={Link} to={`/verify/${encodeURIComponent(c.code)}`} target="_blank" size="sm">
            {t('certificates.openVerification')}
          </Anchor>
        </Group>
        {c.status === 'valid' && (
          <Group gap="xs" mt="md">
            <Button color="red.9" variant="light" size="xs" leftSection={<IconBan size={14} aria-hidden />} onClick={() => setAction('revoke')}>
              {t('certificates.admin.revoke')}
            </Button>
            <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => setAction('reissue')}>
              {t('certificates.admin.reissue')}
            </Button>
          </Group>
        )}
      </Stack>
      {action && (
        <ReasonModal
          certificate={c}
          action={action}
          onClose={() => setAction(null)}
          onDone={(next) => {
            setAction(null);
            void fresh.refetch();
            if (next.id !== c.id) onShow(next);
          }}
        />
      )}
    </Drawer>
  );

  function onShowById(id: string) {
    onShow({ ...c, id });
  }
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" mb={4}>
      <Text component="dt" size="sm" c="dimmed" w={120} style={{ flex: 'none' }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}

function ReasonModal({ certificate, action, onClose, onDone }: { certificate: Certificate; action: 'revoke' | 'reissue'; onClose: () => void; onDone: (c: Certificate) => void }) {
  const { t } = useTranslation();
  const mutation = useCertificateAction(certificate.id, action);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const valid = revokeSchema.safeParse({ reason }).success;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!valid) return;
    try {
      const next = await mutation.mutateAsync(reason.trim());
      notifications.show({ color: 'green', message: t(action === 'revoke' ? 'certificates.admin.revoked' : 'certificates.admin.reissued', { number: next?.number ?? certificate.number }) });
      onDone(next ?? certificate);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <Modal opened onClose={onClose} title={t(action === 'revoke' ? 'certificates.admin.revokeTitle' : 'certificates.admin.reissueTitle', { number: certificate.number })} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm">{t(action === 'revoke' ? 'certificates.admin.revokeText' : 'certificates.admin.reissueText', { name: certificate.recipient.name })}</Text>
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <Textarea
            label={t('certificates.admin.reason')}
            description={t('certificates.admin.reasonHint')}
            withAsterisk
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched && !valid ? t('certificates.admin.reasonError') : undefined}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={action === 'revoke' ? 'red.9' : undefined} loading={mutation.isPending}>
              {t(action === 'revoke' ? 'certificates.admin.revokeConfirm' : 'certificates.admin.reissueConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
