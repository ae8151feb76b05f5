import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import './SessionWarning.css';

interface Props {
  /** When the session ends (ms since the epoch); null while there is nothing to warn about. */
  endsAt: number | null;
  onContinue: () => void;
  onSignOut: () => void;
}

export function formatRemaining(t: TFunction, ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0 ? t('auth.minutesSeconds', { minutes, seconds }) : t('auth.seconds', { seconds });
}

/** Screen readers hear the time left now and then, not every second. */
function announced(secondsLeft: number): boolean {
  return secondsLeft > 0 && (secondsLeft % 60 === 0 || secondsLeft === 30 || secondsLeft === 10);
}

/**
 * Tells someone who stopped working that their session will soon end, with the time left, and lets them go on
 * (the safe answer, focused first and given by Escape) or sign out at once.
 */
export function SessionWarning({ endsAt, onContinue, onSignOut }: Props) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (endsAt === null) return;
    setNow(Date.now());
    setAnnouncement(t('auth.idleAnnounce', { time: formatRemaining(t, endsAt - Date.now()) }));
    const timer = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      const secondsLeft = Math.ceil((endsAt - at) / 1000);
      if (announced(secondsLeft)) setAnnouncement(t('auth.idleAnnounce', { time: formatRemaining(t, endsAt - at) }));
    }, 1000);
    return () => window.clearInterval(timer);
  }, [endsAt, t]);

  return (
    <ConfirmDialog
      open={endsAt !== null}
      urgent
      safe="confirm"
      title={t('auth.idleTitle')}
      text={t('auth.idleText')}
      confirmLabel={t('auth.idleContinue')}
      cancelLabel={t('auth.signOut')}
      onConfirm={onContinue}
      onCancel={onSignOut}
    >
      {endsAt !== null ? (
        <>
          <p className="session-warning__countdown" role="timer" aria-live="off" data-testid="session-countdown">
            {t('auth.idleRemaining', { time: formatRemaining(t, endsAt - now) })}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
        </>
      ) : null}
    </ConfirmDialog>
  );
}
