-- The dossier's form (common answers, content-specific answers) and what processing records about it.

alter table dossier
    add column funding_call_id   uuid references funding_call (id),
    add column support_kind      text references support_kind (code),
    add column commune_code      text references administrative_unit (code),
    add column total_budget      bigint check (total_budget >= 0),
    add column counterpart_funds bigint check (counterpart_funds >= 0),
    add column starts_on         date,
    add column ends_on           date,
    add column expected_outcomes text,
    add column form_data         jsonb not null default '{}'::jsonb,
    add column assigned_reviewer text,
    add column processing_started_on date;

create index dossier_by_agency_deadline on dossier (agency_code, status, appointment_date);

-- One supplement request per dossier (Decree 61/2018 Art. 19.4): the primary key enforces it.
create table supplement_request (
    dossier_id   uuid primary key references dossier (id),
    reasons      text not null,
    items        jsonb not null,
    requested_by text not null,
    requested_at timestamptz not null,
    answered_at  timestamptz
);

create table dossier_review (
    id                 bigserial primary key,
    dossier_id         uuid   not null references dossier (id),
    reviewer           text   not null,
    scores             jsonb  not null,
    total_score        int    not null,
    recommended_amount bigint not null check (recommended_amount >= 0),
    comment            text,
    created_at         timestamptz not null
);
create index dossier_review_by_dossier on dossier_review (dossier_id, id);

create table dossier_decision (
    dossier_id      uuid primary key references dossier (id),
    decision_number text   not null unique,
    approved_amount bigint not null check (approved_amount >= 0),
    decided_by      text   not null,
    decided_at      timestamptz not null
);

-- Idempotency-Key of mutating requests: the first response is kept and replayed to retries.
create table idempotency_record (
    principal    text not null,
    key          text not null,
    request_hash text not null,
    status       int,            -- null while the first request is still being processed
    content_type text,
    body         text,
    created_at   timestamptz not null default now(),
    primary key (principal, key)
);
create index idempotency_record_by_age on idempotency_record (created_at);
