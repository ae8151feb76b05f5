-- Organisation membership and invitations, key rotation, the security audit trail and shared rate-limit state.

-- An enterprise account is its organisation's OWNER (who registered it or was made owner) or a MEMBER
-- (who joined by invitation). Officers have no organisation and therefore no organisation role.
alter table user_account add column organisation_role text
    check (organisation_role in ('OWNER', 'MEMBER'));
update user_account set organisation_role = 'OWNER' where organisation_id is not null;
alter table user_account add constraint user_account_organisation_role
    check ((organisation_id is null) = (organisation_role is null));
alter table user_account add column last_sign_in_at timestamptz;
-- Self-registered accounts sign in with their e-mail address, stored in lower case as the username.
create unique index user_account_email on user_account (lower(email)) where email is not null;
create index user_account_by_organisation on user_account (organisation_id) where organisation_id is not null;
create index user_account_by_agency on user_account (agency_code) where agency_code is not null;

-- A single-use invitation: into an organisation (sent by its owner) or into an agency with officer roles
-- (sent by an administrator). Only the SHA-256 of the token is kept; the token travels in the link alone.
create table invitation (
    id              uuid primary key,
    token_hash      char(64) not null unique,
    organisation_id uuid references organisation (id),
    agency_code     text references agency (code),
    roles           text[] not null,
    email           text,
    invited_by      uuid not null references user_account (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    accepted_by     uuid references user_account (id),
    revoked_at      timestamptz,
    check ((organisation_id is null) <> (agency_code is null)),
    check (cardinality(roles) > 0)
);
create index invitation_by_organisation on invitation (organisation_id, created_at desc) where organisation_id is not null;
create index invitation_by_agency on invitation (agency_code, created_at desc) where agency_code is not null;

-- Rotation: the active key signs; a retired key stays published (and accepted) until the longest access
-- token it signed has expired.
alter table identity_signing_key add column retired_at timestamptz;

-- Security events (sign-in, registration, invitations, role changes, key rotation). Never updated or deleted.
create table security_event (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    type        text not null,
    actor       text,
    target      text,
    client_ip   text,
    details     jsonb not null default '{}'
);
create index security_event_by_time on security_event (occurred_at desc);
create index security_event_by_type on security_event (type, occurred_at desc);

create function security_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'security_event is append-only';
end;
$$;

create trigger security_event_append_only
    before update or delete on security_event
    for each row execute function security_event_is_append_only();

-- Token buckets of the rate limits, shared by every backend instance (Bucket4j, select-for-update).
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);
