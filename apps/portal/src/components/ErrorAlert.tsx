import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';

/** The message to show for any failure: the api's localized text, else a generic one. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (isApiError(error)) return error.detail || error.title;
    return t('errors.unexpected');
  };
}

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failure in words, announced to screen readers (role=alert). */
export function ErrorAlert({ error, title, onRetry }: Props) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  const showDetail = isApiError(error) && error.detail && error.title !== error.detail;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? (showDetail && isApiError(error) ? error.title : undefined)}
    >
      <Text size="sm">{message}</Text>
      {/* A conflict's reason ("in use", "already taken") comes in its errors, not in the title. */}
      {isApiError(error) && error.status === 409 && !error.detail && error.errors.map((e, i) => (
        <Text size="sm" key={`${e.field}-${i}`}>
          {e.message}
        </Text>
      ))}
      {isApiError(error) && error.requestId && error.status >= 500 && (
        <Text size="xs" c="dimmed" mt={4}>
          ID: {error.requestId}
        </Text>
      )}
      {onRetry && (
        <Button variant="white" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
