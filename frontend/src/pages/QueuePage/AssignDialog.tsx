import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type Dossier } from '../../api';
import { describeError } from '../../api/describeError';
import { TextField } from '../../components/Field/Field';
import '../../components/ConfirmDialog/ConfirmDialog.css';

interface Props {
  /** The dossier being assigned; null keeps the dialog closed. */
  dossier: Dossier | null;
  me: string;
  onAssigned: (updated: Dossier) => void;
  onClose: () => void;
}

/**
 * Names the reviewer in charge of a dossier (the ASSIGN event). A modal <dialog>: the browser
 * keeps the focus inside and gives it back to the button that opened it; Escape cancels.
 */
export function AssignDialog({ dossier, me, onAssigned, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<{ message: string; lang?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const open = dossier !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setAssignee(dossier?.assignedReviewer ?? '');
      setError(null);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      document.getElementById('assignee')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open, dossier]);

  async function assign(username: string) {
    if (!dossier || busy) return;
    const name = username.trim();
    if (name === '') {
      setError({ message: t('queue.assigneeRequired') });
      document.getElementById('assignee')?.focus();
      return;
    }
    setBusy(true);
    try {
      onAssigned(await api.fire(dossier.id, 'ASSIGN', { assignee: name }));
    } catch (failure) {
      setError(isApiError(failure) && failure.problem.errors[0] ? { message: failure.problem.errors[0].message, lang: 'vi' } : describeError(t, failure));
      document.getElementById('assignee')?.focus();
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void assign(assignee);
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="confirm-dialog__title">
        {t('queue.assignTitle', { code: dossier?.code ?? '' })}
      </h2>
      {dossier ? (
        <form noValidate onSubmit={submit}>
          <p>{dossier.title}</p>
          <TextField
            id="assignee"
            name="assignee"
            label={t('queue.assigneeLabel')}
            hint={t('queue.assigneeHint')}
            error={error ?? undefined}
            value={assignee}
            onChange={setAssignee}
            autoComplete="off"
            spellCheck={false}
          />
          <div className="button-group">
            <button type="submit" className="button" disabled={busy}>
              {t('queue.assign')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void assign(me)}>
              {t('queue.assignToMe')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
