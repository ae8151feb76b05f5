/** The shapes the backend's /api/v1 answers with. */

export type DossierStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'UNDER_REVIEW'
  | 'SUPPLEMENT_REQUESTED'
  | 'REVIEWED'
  | 'APPROVED'
  | 'MONITORED'
  | 'COMPLETED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'TERMINATED';

export type Programme = 'NATIONAL' | 'LOCAL';

export const PROGRAMMES: readonly Programme[] = ['NATIONAL', 'LOCAL'];

export type WorkflowEvent =
  | 'SUBMIT'
  | 'START_REVIEW'
  | 'ASSIGN'
  | 'RESCHEDULE'
  | 'REQUEST_SUPPLEMENT'
  | 'RESUBMIT'
  | 'RECOMMEND'
  | 'RETURN'
  | 'APPROVE'
  | 'REJECT'
  | 'START_MONITORING'
  | 'ACCEPT'
  | 'TERMINATE'
  | 'WITHDRAW';

export interface PublicConfig {
  issuer: string;
  clientId: string;
  scopes: string;
  /** The server's own registration page; null when accounts live in an external identity provider. */
  registrationUrl?: string | null;
  /** Minutes without any activity after which the session ends. */
  sessionIdleMinutes: number;
  /** Hours after signing in after which the session ends, however active the person was. */
  sessionMaxHours: number;
}

export interface TimelineEntry {
  status: DossierStatus;
  statusName: string;
  at: string;
}

export interface PublicDossier {
  code: string;
  status: DossierStatus;
  statusName: string;
  portalStatusCode: number | null;
  submittedAt: string | null;
  appointmentDate: string | null;
  timeline: TimelineEntry[];
}

export interface CatalogueContent {
  code: string;
  name: string;
  legalBasis?: string | null;
  /** Working days the agency has to decide. */
  processingDays?: number | null;
}

export interface Me {
  username: string;
  displayName: string;
  roles: string[];
  organisationId?: string | null;
  organisationName: string | null;
  organisationRole?: string | null;
  agencyCode: string | null;
  /**
   * A step the person must take before using the service: an enterprise person the identity provider knows but
   * who has no organisation yet, or an officer whose agency is unknown.
   */
  onboarding: Onboarding | null;
  /** What the identity provider asserted about the person's organisation, to fill the registration in. */
  prefill: OrganisationPrefill | null;
}

export type Onboarding = 'ORGANISATION_REQUIRED' | 'AGENCY_UNKNOWN';

export interface OrganisationPrefill {
  taxCode: string | null;
  organisationName: string | null;
}

export const ORGANISATION_TYPES = ['ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD_BUSINESS'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** POST /me/organisation: the organisation an enterprise person registers and joins. */
export interface NewOrganisation {
  taxCode: string;
  name: string;
  type: OrganisationType;
  address: string;
  communeCode: string;
}

export interface Organisation {
  id: string;
  taxCode: string;
  name: string;
  type: OrganisationType;
  typeName: string;
  communeCode: string;
  address: string;
}

/** GET /public/invitations/{token}: an invitation to join an organisation, as anyone holding the link sees it. */
export interface Invitation {
  organisationName: string;
  email: string;
  expiresAt: string;
}

export type DeadlineState = 'NONE' | 'PAUSED' | 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';

export type AnswerValue = string | number | boolean;

export interface Dossier {
  id: string;
  code: string | null;
  title: string;
  contentCode: string;
  programme: Programme;
  fundingCallId?: string | null;
  supportKind?: string | null;
  communeCode?: string | null;
  totalBudget?: number | null;
  requestedSupport: number | null;
  counterpartFunds?: number | null;
  startsOn?: string | null;
  endsOn?: string | null;
  expectedOutcomes?: string | null;
  answers?: Record<string, AnswerValue | null> | null;
  status: DossierStatus;
  statusName: string;
  portalStatusCode: number | null;
  agencyCode?: string | null;
  assignedReviewer?: string | null;
  createdAt: string;
  updatedAt?: string | null;
  submittedAt: string | null;
  appointmentDate: string | null;
  deadline?: DeadlineState | null;
  overdue?: boolean | null;
  version: number;
  /** Whether the reader may still change the form and the papers (the server decides). */
  editable?: boolean;
  /** The workflow events the server would accept from the reader now; the interface offers only these. */
  allowedEvents?: WorkflowEvent[];
}

/** The form an enterprise fills in; a draft may leave any of the optional parts empty. */
export interface DossierForm {
  title: string;
  contentCode: string;
  programme: Programme;
  fundingCallId?: string;
  supportKind?: string;
  communeCode?: string;
  totalBudget?: number;
  requestedSupport?: number;
  counterpartFunds?: number;
  startsOn?: string;
  endsOn?: string;
  expectedOutcomes?: string;
  answers?: Record<string, AnswerValue>;
}

export type FieldType = 'TEXT' | 'LONG_TEXT' | 'INTEGER' | 'MONEY' | 'DATE' | 'BOOLEAN';

export interface ContentField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  min?: number | null;
  max?: number | null;
  help?: string | null;
}

export interface SupportCap {
  maxPercent: number;
  maxAmount: number | null;
}

export interface SupportKindWithCap {
  kind: { code: string; name: string; legalBasis?: string | null };
  currentCap: SupportCap | null;
}

export interface ContentDetail {
  content: CatalogueContent;
  supportKinds: SupportKindWithCap[];
  fields: ContentField[];
  requiredDocumentTypes: string[];
  priorityAreaCapPercent: number | null;
}

export interface FundingCall {
  id: string;
  programme: Programme;
  year: number;
  name: string;
  agencyCode: string;
  opensOn: string;
  closesOn: string;
}

export interface Agency {
  code: string;
  name: string;
  province: string;
}

export interface AgencyUpdate {
  name: string;
  province: string;
  active: boolean;
}

export interface Holiday {
  day: string;
  name: string;
}

export interface CatalogueDocumentType {
  code: string;
  name: string;
}

export interface NewSupportCap {
  kindCode: string;
  effectiveFrom: string;
  effectiveTo?: string;
  maxPercent: number;
  maxAmount?: number;
}

export interface SupportCapPeriod extends SupportCap {
  kindCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface NewFundingCall {
  programme: Programme;
  year: number;
  name: string;
  agencyCode: string;
  opensOn: string;
  closesOn: string;
}

export interface ContentUpdate {
  name: string;
  legalBasis: string;
  processingDays: number;
}

export interface Commune {
  code: string;
  name: string;
  priorityArea: boolean;
}

export interface ReviewCriterion {
  code: string;
  name: string;
  maxScore: number;
}

export type HistoryEvent = WorkflowEvent | 'ASSIGN' | 'RESCHEDULE';

export interface HistoryEntry {
  id: number;
  event: HistoryEvent;
  from: DossierStatus | null;
  to: DossierStatus;
  actor: string | null;
  actorRole: string | null;
  comment: string | null;
  occurredAt: string;
}

export interface Processing {
  supplementRequest: {
    reasons: string;
    items: string[];
    requestedBy?: string | null;
    requestedAt?: string | null;
    answeredAt?: string | null;
  } | null;
  reviews: {
    reviewer: string;
    scores: Record<string, number>;
    totalScore: number;
    recommendedAmount: number;
    comment: string | null;
    createdAt: string;
  }[];
  decision: { decisionNumber: string; approvedAmount: number; decidedBy?: string; decidedAt?: string } | null;
}

/** What a workflow event carries besides its name; each event reads the parts it needs. */
export interface TransitionPayload {
  comment?: string;
  items?: string[];
  scores?: Record<string, number>;
  recommendedAmount?: number;
  decisionNumber?: string;
  approvedAmount?: number;
  newAppointmentDate?: string;
  assignee?: string;
}

export interface QueueFilter {
  status?: DossierStatus;
  assignee?: 'me';
  unassigned?: boolean;
}

export type DocumentType = 'REQUEST_LETTER';

export interface DossierDocument {
  id: string;
  documentType: DocumentType | string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}
