import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type Invitation } from '../../api';
import { describeError, SERVER_LANGUAGE, type Described } from '../../api/describeError';
import { useAuth } from '../../auth/AuthContext';
import { Loading } from '../../components/Loading/Loading';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { formatInstant } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';

/** Told where joining led: my dossiers say so. */
export interface JoinedState {
  joinedOrganisation: string;
}

const NO_TOKEN = new Error('No invitation token');

/** A 404 (or no token at all) means the invitation is wrong, used or expired: said in our words. */
function describeFailure(t: TFunction, error: unknown): Described {
  if (error === NO_TOKEN || (isApiError(error) && error.status === 404)) return { message: t('invitation.invalid') };
  if (isApiError(error) && error.status === 409 && error.problem.rule === 'organisation-already')
    return { message: t('invitation.alreadyMember') };
  return describeError(t, error);
}

function Failure({ described, focus = false }: { described: Described; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, described]);
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref}>
      <p lang={described.lang}>{described.message}</p>
    </div>
  );
}

function InvitationDetails({ invitation }: { invitation: Invitation }) {
  const { t, i18n } = useTranslation();
  // The organisation's name is data, written in Vietnamese whatever the interface language.
  const [before, after] = t('invitation.text', { name: '\u0000' }).split('\u0000');
  return (
    <>
      <p className="lead">
        {before}
        <strong lang={SERVER_LANGUAGE}>{invitation.organisationName}</strong>
        {after}
      </p>
      <dl className="summary-list">
        <div>
          <dt>{t('invitation.sentTo')}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{t('invitation.expiresAt')}</dt>
          <dd>
            <time dateTime={invitation.expiresAt}>{formatInstant(invitation.expiresAt, i18n.language)}</time>
          </dd>
        </div>
      </dl>
    </>
  );
}

/**
 * "/loi-moi?token=…": an invitation to join an organisation, sent by mail. Anyone holding the link sees which
 * organisation invites them; joining needs signing in, which comes back here.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const { state, signIn, reloadMe } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [invitation] = useResource<Invitation>(() => (token ? api.invitation(token) : Promise.reject(NO_TOKEN)), [token]);
  const [joining, setJoining] = useState(false);
  const [failure, setFailure] = useState<Described | null>(null);
  usePageTitle(t('invitation.title'), failure || invitation.state === 'failed' ? 1 : 0);

  async function join(invited: Invitation) {
    if (joining) return;
    setJoining(true);
    setFailure(null);
    try {
      const organisation = await api.acceptInvitation(token);
      await reloadMe().catch(() => undefined);
      const joined: JoinedState = { joinedOrganisation: organisation.name || invited.organisationName };
      navigate('/ho-so', { state: joined });
    } catch (error) {
      setFailure(describeFailure(t, error));
    } finally {
      setJoining(false);
    }
  }

  let body;
  if (invitation.state === 'loading') body = <Loading />;
  else if (invitation.state === 'failed') body = <Failure described={describeFailure(t, invitation.error)} />;
  else {
    const data = invitation.data;
    body = (
      <>
        <InvitationDetails invitation={data} />
        {failure ? <Failure described={failure} focus /> : null}
        {state.status === 'loading' ? (
          <Loading />
        ) : state.status === 'signedIn' ? (
          <div className="button-group">
            <button type="button" className="button" disabled={joining} aria-disabled={joining} onClick={() => void join(data)}>
              {joining ? t('invitation.joining') : t('invitation.join')}
            </button>
          </div>
        ) : (
          <>
            <p>{t('invitation.signInLead')}</p>
            <div className="button-group">
              <button type="button" className="button" onClick={() => void signIn(location.pathname + location.search)}>
                {t('invitation.signInToJoin')}
              </button>
            </div>
          </>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('invitation.title')}</PageHeading>
      {body}
    </>
  );
}
