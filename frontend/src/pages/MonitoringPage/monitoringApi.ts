import { answered, idempotencyKey } from '../../api/idempotency';
import { currentAccessToken } from '../../api';
import { ApiError, parseProblem } from '../../api/problem';
import { parseVnd } from '../../lib/money';

/** What the backend answers on /dossiers/{id}/monitoring: one project's monitoring, as both sides see it. */
export interface MonitoringView {
  dossierId: string;
  status: string;
  started: boolean;
  startedOn: string | null;
  approvedAmount: number | null;
  advancesPaid: number;
  paymentsMade: number;
  totalPaid: number;
  remaining: number | null;
  progressPercent: number | null;
  advanceCeiling: {
    maxPercent: number;
    progressOverPercent: number | null;
    legalBasis: string;
    ceiling: number;
    progressReached: boolean;
  } | null;
  reportDueDay: number;
  nextReportDue: string | null;
  overdue: boolean;
  overdueSince: string | null;
  missingPeriods: string[];
  endsOn: string | null;
  plan: { id: number; position: number; title: string; dueOn: string; promisedOutcome: string }[];
  reports: {
    id: number;
    period: string;
    spentAmount: number;
    counterpartInvested: number;
    note: string | null;
    late: boolean;
    submittedBy: string;
    submittedAt: string;
    milestones: { milestoneId: number; percentDone: number; note: string | null }[];
    evidenceDocumentIds: string[];
  }[];
  inspections: {
    id: number;
    inspectedOn: string;
    findings: string;
    conclusion: string;
    correctiveAction: string | null;
    correctiveDueOn: string | null;
    inspector: string;
  }[];
  disbursements: { id: number; kind: 'ADVANCE' | 'PAYMENT'; amount: number; paidOn: string; reference: string }[];
  changeRequests: {
    id: number;
    kind: 'BUDGET' | 'CONTENT' | 'SITE' | 'TIMELINE';
    reason: string;
    proposedAmount: number | null;
    proposedEndsOn: string | null;
    proposedCommuneCode: string | null;
    proposedContent: string | null;
    status: 'PENDING' | 'APPROVED' | 'REFUSED';
    requestedBy: string;
    decidedBy: string | null;
    decisionComment: string | null;
  }[];
  notices: { id: number; kind: string; period: string; message: string; createdAt: string }[];
  acceptance: { acceptedOn: string; conclusion: string } | null;
  settlement: {
    outcome: 'COMPLETED' | 'TERMINATED';
    approvedAmount: number;
    totalSupportPaid: number;
    counterpartRealised: number;
    workersTrained: number;
    machinesInstalled: number;
    machinesWorking: number;
    products: number;
    fairsAttended: number;
    settledOn: string;
  } | null;
}

export type Payload = Record<string, unknown>;

async function call<T>(method: string, path: string, body?: unknown | FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = currentAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const json = body === undefined || isForm ? null : JSON.stringify(body);
  // uploads are not replayed by the server (they carry their own checks); every other change carries a key
  const key = isForm ? null : idempotencyKey(method, path, json);
  if (key) headers['Idempotency-Key'] = key;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: isForm ? (body as FormData) : json,
      credentials: 'same-origin',
    });
  } catch {
    if (key) answered(method, path, json, 0);
    throw new ApiError({ status: 0, errors: [] });
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const problem = parseProblem(response.status, text, response.headers?.get?.('Retry-After'));
    if (key) answered(method, path, json, response.status, problem.type);
    throw new ApiError(problem);
  }
  if (key) answered(method, path, json, response.status);
  return (text ? JSON.parse(text) : null) as T;
}

const base = (id: string) => `/dossiers/${encodeURIComponent(id)}/monitoring`;

export const monitoringApi = {
  view: (id: string) => call<MonitoringView>('GET', base(id)),
  plan: (id: string, payload: Payload) => call<MonitoringView>('PUT', `${base(id)}/plan`, payload),
  report: (id: string, payload: Payload) => call<MonitoringView>('POST', `${base(id)}/reports`, payload),
  inspection: (id: string, payload: Payload) => call<MonitoringView>('POST', `${base(id)}/inspections`, payload),
  disbursement: (id: string, payload: Payload) => call<MonitoringView>('POST', `${base(id)}/disbursements`, payload),
  changeRequest: (id: string, payload: Payload) => call<MonitoringView>('POST', `${base(id)}/change-requests`, payload),
  decide: (id: string, requestId: number, payload: Payload) =>
    call<MonitoringView>('POST', `${base(id)}/change-requests/${requestId}/decision`, payload),
  accept: (id: string, payload: Payload) => call<MonitoringView>('POST', `${base(id)}/acceptance`, payload),
  evidence(id: string, documentType: string, file: File) {
    const form = new FormData();
    form.append('documentType', documentType);
    form.append('file', file, file.name);
    return call<{ id: string; fileName: string }>('POST', `${base(id)}/evidence`, form);
  },
  terminate: (id: string, comment: string) =>
    call<unknown>('POST', `/dossiers/${encodeURIComponent(id)}/transitions`, { event: 'TERMINATE', comment }),
};

export type FieldKind = 'text' | 'long' | 'date' | 'month' | 'money' | 'count' | 'percent' | 'select';

/** One input of a monitoring form; `name` is the request property, dotted or indexed for nested ones. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: string;
  required?: boolean;
  options?: { value: string; label: string }[];
  hint?: string;
}

export type Problem = { name?: string; key: string; values?: Record<string, unknown> };

/** Sets `milestones[1].title` or `outcomes.products` inside a payload, making the arrays and objects on the way. */
export function setPath(target: Payload, path: string, value: unknown): void {
  const parts: (string | number)[] = path.split('.').flatMap((part) => {
    const match = /^(\w+)\[(\d+)\]$/.exec(part);
    return match ? [match[1] ?? part, Number(match[2])] : [part];
  });
  let node: Record<string | number, unknown> = target;
  parts.forEach((part, index) => {
    if (index === parts.length - 1) {
      node[part] = value;
      return;
    }
    const next = parts[index + 1];
    if (next === undefined) return;
    if (node[part] === undefined) node[part] = typeof next === 'number' ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  });
}

/**
 * Turns what was typed into the request: amounts in whole đồng (0 allowed where it means "none yet"), counts and
 * percentages as integers; blank optional inputs are left out. Problems name the input and an i18n key.
 */
export function buildPayload(fields: FieldSpec[], values: Record<string, string>): { payload: Payload; problems: Problem[] } {
  const payload: Payload = {};
  const problems: Problem[] = [];
  for (const field of fields) {
    const text = (values[field.name] ?? '').trim();
    if (text === '') {
      if (field.required) problems.push({ name: field.name, key: 'monitoring.form.required', values: { name: field.label } });
      continue;
    }
    if (field.kind === 'money') {
      if (/^0+$/.test(text)) {
        setPath(payload, field.name, 0);
        continue;
      }
      const amount = parseVnd(text);
      if (amount.ok) setPath(payload, field.name, amount.value);
      else problems.push({ name: field.name, key: 'monitoring.form.money', values: { name: field.label } });
    } else if (field.kind === 'count' || field.kind === 'percent') {
      const number = /^\d+$/.test(text) ? Number(text) : NaN;
      if (Number.isNaN(number) || (field.kind === 'percent' && number > 100))
        problems.push({ name: field.name, key: `monitoring.form.${field.kind}`, values: { name: field.label } });
      else setPath(payload, field.name, number);
    } else {
      setPath(payload, field.name, text);
    }
  }
  return { payload, problems };
}

/** The id of the input for a request property, usable in the DOM and in the error summary's links. */
export function inputId(form: string, name: string): string {
  return `${form}-${name.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}
