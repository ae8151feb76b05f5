-- Official papers (Circular 01/2018/TT-VPCP forms 01 to 05 and the approval decision), generated from the data as
-- PDF and kept in object storage like uploads. The code is printed on the paper and carried by its QR code; the
-- public verification page shows the paper's code, date and the SHA-256 of its bytes.
create table paper (
    id          uuid primary key,
    code        text not null unique,
    dossier_id  uuid not null references dossier (id),
    kind        text not null,
    source_key  text not null,
    object_key  text not null,
    sha256      char(64) not null,
    size_bytes  bigint not null,
    issued_at   timestamptz not null,
    created_at  timestamptz not null,
    unique (dossier_id, kind, source_key)
);
create index paper_by_dossier on paper (dossier_id, issued_at);
