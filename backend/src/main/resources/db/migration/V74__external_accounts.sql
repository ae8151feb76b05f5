-- Accounts of people signed in by an external issuer (Keycloak, VNeID brokered by Keycloak): made from the token on
-- their first sign-in, found again by the issuer and the token's subject, with no password kept here.
alter table user_account alter column password_hash drop not null;
alter table user_account add column external_issuer text;
alter table user_account add column external_subject text;
alter table user_account add constraint user_account_external_identity
    check ((external_issuer is null) = (external_subject is null));
alter table user_account add constraint user_account_password_or_issuer
    check (password_hash is not null or external_issuer is not null);
create unique index user_account_by_external_identity on user_account (external_issuer, external_subject)
    where external_issuer is not null;

-- The establishment's address, asked for when an organisation is registered in the app.
alter table organisation add column address text;
