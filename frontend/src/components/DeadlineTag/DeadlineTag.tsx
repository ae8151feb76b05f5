import { useTranslation } from 'react-i18next';
import type { DeadlineState } from '../../api/types';
import './DeadlineTag.css';

/** How a dossier stands against its processing deadline, in words and colour (never colour alone). */
export function DeadlineTag({ deadline }: { deadline: DeadlineState | null | undefined }) {
  const { t } = useTranslation();
  if (!deadline || deadline === 'NONE') return null;
  return <strong className={`deadline-tag deadline-tag--${deadline.toLowerCase().replace('_', '-')}`}>{t(`deadline.${deadline}`)}</strong>;
}
