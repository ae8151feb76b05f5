-- Password reset links of the embedded authorization server ("Quên mật khẩu"). The link carries 32 random bytes;
-- only their SHA-256 is kept, so the table alone cannot be turned into links. A link is valid for a short time
-- (kc.identity.password-reset-validity), once: used_at is set under a row lock, and asking again deletes the
-- account's earlier unused links. Rows are deleted a day after they expire; the security audit trail keeps the
-- requests and resets.

create table password_reset (
    id          uuid primary key,
    account_id  uuid not null references user_account (id),
    token_hash  text not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    client_ip   text
);
create index password_reset_unused on password_reset (account_id) where used_at is null;
create index password_reset_expiry on password_reset (expires_at);

-- a reset removes the account's stored authorizations (codes, tokens) by principal name
create index oauth2_authorization_principal on oauth2_authorization (principal_name);
