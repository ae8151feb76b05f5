import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { problemFor, type FieldProblem } from '../../lib/validation';

/**
 * The problems of one administration form: found before sending, or given back by the server as
 * RFC 9457 field errors. Inputs are named `<prefix>-<request property>` so that the server's
 * field names land on them.
 */
export function useAdminForm(prefix: string) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const id = useCallback((name: string) => `${prefix}-${name}`, [prefix]);

  const show = useCallback((list: FieldProblem[]) => {
    setProblems(list);
    setAttempt((n) => n + 1);
  }, []);

  /** Sends a request unless the form's own checks found problems; returns whether it succeeded. */
  const send = useCallback(
    async (found: FieldProblem[], request: () => Promise<void>): Promise<boolean> => {
      if (found.length > 0) {
        show(found);
        return false;
      }
      setBusy(true);
      try {
        await request();
        setProblems([]);
        return true;
      } catch (error) {
        show(
          isApiError(error) && error.problem.errors.length > 0
            ? error.problem.errors.map((e) => ({
                ...(e.field ? { fieldId: `${prefix}-${e.field}` } : {}),
                message: e.message,
                lang: SERVER_LANGUAGE,
              }))
            : [describeError(t, error)],
        );
        return false;
      } finally {
        setBusy(false);
      }
    },
    [prefix, show, t],
  );

  return {
    problems,
    attempt,
    busy,
    id,
    send,
    error: (name: string) => problemFor(problems, `${prefix}-${name}`),
    /** A problem with one input, found before sending. */
    problem: (name: string, message: string): FieldProblem => ({ fieldId: `${prefix}-${name}`, message }),
  };
}

/** A whole number typed in a form, or undefined when it is not one. */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
