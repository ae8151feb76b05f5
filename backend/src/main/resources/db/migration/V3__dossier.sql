-- Dossiers (hồ sơ đề án khuyến công). The workflow state lives in the status column.

create table dossier (
    id                uuid primary key,
    code              text unique,
    organisation_id   uuid   not null references organisation (id),
    agency_code       text   not null references agency (code),
    programme         text   not null check (programme in ('NATIONAL', 'LOCAL')),
    content_code      text   not null references support_content (code),
    title             text   not null,
    requested_support bigint not null check (requested_support >= 0),
    status            text   not null,
    version           bigint not null default 0,
    created_by        text   not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    submitted_at      timestamptz,
    appointment_date  date
);
create index dossier_by_organisation on dossier (organisation_id, created_at desc);
create index dossier_by_agency_status on dossier (agency_code, status);

-- Daily sequence per agency for dossier codes (Circular 01/2018/TT-VPCP Art. 19): the row lock taken by
-- the increment is held until the submitting transaction ends, so numbers are unique and gap-free.
create table dossier_code_sequence (
    agency_code text not null references agency (code),
    day         date not null,
    last_value  int  not null,
    primary key (agency_code, day)
);
