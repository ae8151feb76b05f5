-- Documents: the checklist's order, versions after submission, upload states, scanning and integrity,
-- and resumable uploads in parts.

-- The order in which the checklist shows document types (and in which missing ones are reported).
alter table document_type add column sort_order int not null default 100;
update document_type set sort_order = case code
    when 'REQUEST_LETTER' then 10
    when 'PROJECT_DESCRIPTION' then 20
    when 'DETAILED_BUDGET' then 30
    when 'BUSINESS_REGISTRATION' then 40
    when 'SUPPLIER_QUOTES' then 50
    when 'COUNTERPART_COMMITMENT' then 60
    when 'OTHER' then 1000
    else 100 end;

-- A row is written as UPLOADING before the bytes stream to storage, so that a crash mid-way leaves a row the
-- sweep can find; it becomes STORED once the object, its size and its SHA-256 are known.
alter table document add column status text not null default 'STORED'
    check (status in ('UPLOADING', 'STORED'));
alter table document alter column size_bytes drop not null;
alter table document alter column sha256 drop not null;
alter table document drop constraint document_size_bytes_check;
alter table document add constraint document_stored_has_digest
    check (status = 'UPLOADING' or (size_bytes > 0 and sha256 is not null));

-- A supplement adds a new version that points to the one it replaces; both stay readable.
alter table document add column replaces_id uuid references document (id);

-- Virus scanning (clamd in production) and the scheduled integrity check.
alter table document add column scan_status text not null default 'NOT_SCANNED'
    check (scan_status in ('PENDING', 'CLEAN', 'INFECTED', 'NOT_SCANNED'));
alter table document add column scan_detail text;
alter table document add column integrity_checked_at timestamptz;
alter table document add column integrity_failed_at timestamptz;
create index document_uploading on document (uploaded_at) where status = 'UPLOADING';
create index document_scan_pending on document (uploaded_at) where scan_status = 'PENDING';

-- Large files upload in parts (one S3 multipart upload per session) and resume after a dropped connection.
create table document_upload (
    id              uuid primary key,
    dossier_id      uuid   not null references dossier (id),
    document_type   text   not null references document_type (code),
    replaces_id     uuid references document (id),
    object_key      text   not null unique,
    s3_upload_id    text   not null,
    file_name       text   not null,
    content_type    text,
    total_size      bigint not null check (total_size > 0),
    sha256          char(64) not null,
    part_size       int    not null check (part_size > 0),
    created_by      text   not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);
create index document_upload_by_expiry on document_upload (expires_at);

create table document_upload_part (
    upload_id   uuid   not null references document_upload (id) on delete cascade,
    part_number int    not null check (part_number between 1 and 10000),
    size_bytes  bigint not null check (size_bytes > 0),
    etag        text   not null,
    primary key (upload_id, part_number)
);
