-- Organisations, user accounts and the signing keys of the embedded authorization server.

create table organisation (
    id           uuid primary key,
    tax_code     text not null unique,
    name         text not null,
    org_type     text not null check (org_type in ('ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD_BUSINESS')),
    commune_code text,
    created_at   timestamptz not null default now()
);

create table user_account (
    id              uuid primary key,
    username        text not null unique,
    password_hash   text not null,
    display_name    text not null,
    email           text,
    roles           text[] not null,
    organisation_id uuid references organisation (id),
    agency_code     text references agency (code),
    enabled         boolean not null default true,
    created_at      timestamptz not null default now()
);

-- The JWK (with its private part) that signs access tokens; kept so tokens survive restarts
-- and are valid on every instance. Only one key is active; older ones stay published for verification.
create table identity_signing_key (
    kid        text primary key,
    jwk        text not null,
    active     boolean not null,
    created_at timestamptz not null default now()
);
create unique index identity_signing_key_one_active on identity_signing_key (active) where active;
