import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, catalogue, isApiError, ORGANISATION_TYPES } from '../../api';
import { describeError, SERVER_LANGUAGE } from '../../api/describeError';
import { useAuth } from '../../auth/AuthContext';
import { continueTo } from '../../auth/onboarding';
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary';
import { ErrorText } from '../../components/ErrorText/ErrorText';
import { SelectField, TextField } from '../../components/Field/Field';
import { PageHeading } from '../../components/PageHeading/PageHeading';
import { usePageTitle } from '../../lib/usePageTitle';
import { useResource } from '../../lib/useResource';
import { problemFor, type FieldProblem } from '../../lib/validation';
import {
  ADDRESS_MAX_LENGTH,
  checkOrganisation,
  communeLabels,
  FIELD_IDS,
  NAME_MAX_LENGTH,
  problemsFromServer,
  type OrganisationAnswers,
} from './organisationForm';
import './OrganisationRegistrationPage.css';

const COMMUNE_LIST_ID = 'commune-options';

/** Told where the registration led: the page there may say so. */
export interface RegisteredState {
  registeredOrganisation: string;
}

/**
 * "Đăng ký tổ chức": the step an enterprise person known to the identity provider takes before anything else,
 * when they belong to no organisation yet. What the identity provider asserted comes filled in (the tax code
 * cannot be changed then); once registered, the person goes on where they were going.
 */
export function OrganisationRegistrationPage() {
  const { t } = useTranslation();
  const { state, reloadMe } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const user = state.status === 'signedIn' ? state.user : null;
  const givenTaxCode = user?.prefill?.taxCode ?? null;
  const [answers, setAnswers] = useState<OrganisationAnswers>(() => ({
    taxCode: givenTaxCode ?? '',
    name: user?.prefill?.organisationName ?? '',
    type: '',
    address: '',
    commune: '',
  }));
  const [communes] = useResource(catalogue.communes, []);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [alreadyMember, setAlreadyMember] = useState(false);
  const memberNotice = useRef<HTMLDivElement>(null);
  usePageTitle(t('organisation.title'), problems.length);
  const next = continueTo(location.search);

  useEffect(() => {
    if (alreadyMember) memberNotice.current?.focus();
  }, [alreadyMember]);

  if (user && user.onboarding !== 'ORGANISATION_REQUIRED') return <Navigate replace to={next} />;

  const set = (name: keyof OrganisationAnswers) => (value: string) => setAnswers((a) => ({ ...a, [name]: value }));
  const error = (id: string) => problemFor(problems, id);
  const communeList = communes.state === 'ready' ? communes.data : [];

  function show(found: FieldProblem[]) {
    setProblems(found);
    setAttempt((n) => n + 1);
  }

  async function goOn(registered?: string) {
    try {
      await reloadMe();
    } catch (failure) {
      show([describeError(t, failure)]);
      return;
    }
    navigate(next, { replace: true, state: registered ? ({ registeredOrganisation: registered } satisfies RegisteredState) : null });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const checked = checkOrganisation(answers, communeList, t);
    if (!checked.ok) {
      show(checked.problems);
      return;
    }
    setSending(true);
    try {
      const organisation = await api.registerOrganisation(checked.request);
      setProblems([]);
      await goOn(organisation.name);
    } catch (failure) {
      if (isApiError(failure) && failure.status === 409 && failure.problem.rule === 'organisation-already') {
        setProblems([]);
        setAlreadyMember(true);
        return;
      }
      show(
        isApiError(failure) && !failure.isNetworkError && failure.status !== 401
          ? problemsFromServer(failure.problem, describeError(t, failure), t)
          : [describeError(t, failure)],
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <PageHeading>{t('organisation.title')}</PageHeading>
      <ErrorSummary problems={problems} attempt={attempt} />
      <p className="lead">{t('organisation.lead')}</p>
      <p>{t('organisation.invitationHint')}</p>
      {alreadyMember ? (
        <div className="notice" role="alert" tabIndex={-1} ref={memberNotice}>
          <p>{t('organisation.alreadyMember')}</p>
          <button type="button" className="button" onClick={() => void goOn()}>
            {t('organisation.continue')}
          </button>
        </div>
      ) : null}
      {communes.state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <ErrorText error={communes.error} />
        </div>
      ) : null}
      <form className="organisation-form" noValidate onSubmit={submit}>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('organisation.legend')}</legend>
          <TextField
            id={FIELD_IDS.taxCode}
            name="taxCode"
            className="field__input--short"
            label={t('organisation.taxCode')}
            hint={givenTaxCode ? t('organisation.taxCodeGiven') : t('organisation.taxCodeHint')}
            error={error(FIELD_IDS.taxCode)}
            value={answers.taxCode}
            onChange={set('taxCode')}
            readOnly={givenTaxCode !== null}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
          />
          <TextField
            id={FIELD_IDS.name}
            name="name"
            label={t('organisation.name')}
            hint={t('organisation.nameHint')}
            error={error(FIELD_IDS.name)}
            value={answers.name}
            onChange={set('name')}
            autoComplete="organization"
            maxLength={NAME_MAX_LENGTH}
          />
          <SelectField
            id={FIELD_IDS.type}
            name="type"
            label={t('organisation.type')}
            placeholder={t('form.choose')}
            error={error(FIELD_IDS.type)}
            value={answers.type}
            onChange={set('type')}
            options={ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`organisation.types.${type}`) }))}
          />
          <TextField
            id={FIELD_IDS.address}
            name="address"
            label={t('organisation.address')}
            hint={t('organisation.addressHint')}
            error={error(FIELD_IDS.address)}
            value={answers.address}
            onChange={set('address')}
            autoComplete="street-address"
            maxLength={ADDRESS_MAX_LENGTH}
          />
          <TextField
            id={FIELD_IDS.communeCode}
            name="commune"
            label={t('organisation.commune')}
            hint={t('organisation.communeHint')}
            error={error(FIELD_IDS.communeCode)}
            value={answers.commune}
            onChange={set('commune')}
            list={COMMUNE_LIST_ID}
            autoComplete="off"
            after={
              <datalist id={COMMUNE_LIST_ID}>
                {[...communeLabels(communeList).keys()].map((label) => (
                  <option key={label} value={label} lang={SERVER_LANGUAGE} />
                ))}
              </datalist>
            }
          />
        </fieldset>
        <div className="button-group">
          <button type="submit" className="button" disabled={sending} aria-disabled={sending} data-testid="organisation-submit">
            {sending ? t('organisation.submitting') : t('organisation.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
