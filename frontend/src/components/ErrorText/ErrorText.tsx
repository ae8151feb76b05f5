import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describeError';

/** A failed call, told in one paragraph, marked with the language it is written in. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { message, lang } = describeError(t, error);
  return <p lang={lang}>{message}</p>;
}
