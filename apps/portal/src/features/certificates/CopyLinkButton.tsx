import { Button, CopyButton } from '@mantine/core';
import { IconCheck, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { verificationUrl } from '../../api/certificates';

/** Copies a certificate's public verification link (what its QR code opens). */
export function CopyLinkButton({ code, label }: { code: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={verificationUrl(code)} timeout={2500}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          size="xs"
          onClick={copy}
          leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconLink size={14} aria-hidden />}
          aria-live="polite"
        >
          {copied ? t('certificates.linkCopied') : (label ?? t('certificates.shareLink'))}
        </Button>
      )}
    </CopyButton>
  );
}
