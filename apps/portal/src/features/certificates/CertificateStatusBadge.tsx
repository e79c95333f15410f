import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from '@cakap/contracts';
import { statusColors } from '../../app/theme';

const COLORS: Record<CertificateStatus, string> = {
  valid: statusColors.success,
  revoked: statusColors.danger,
  replaced: statusColors.warning,
};

/** Valid, revoked or replaced, in words and colour (outline: the colours keep 4.5:1 on white). */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status]} data-status={status}>
      {t(`certificates.status.${status}`)}
    </Badge>
  );
}
