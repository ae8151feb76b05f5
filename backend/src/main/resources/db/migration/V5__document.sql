-- Metadata of documents whose bytes live in object storage under a random key.

create table document (
    id            uuid primary key,
    dossier_id    uuid   not null references dossier (id),
    document_type text   not null references document_type (code),
    object_key    text   not null unique,
    file_name     text   not null,
    content_type  text   not null,
    size_bytes    bigint not null check (size_bytes > 0),
    sha256        char(64) not null,
    uploaded_by   text   not null,
    uploaded_at   timestamptz not null
);
create index document_by_dossier on document (dossier_id, uploaded_at);
