-- One row per transition, written in the same transaction as the state change. Never updated or deleted.

create table dossier_history (
    id          bigserial primary key,
    dossier_id  uuid not null references dossier (id),
    event       text not null,
    from_state  text not null,
    to_state    text not null,
    actor       text not null,
    actor_role  text not null,
    comment     text,
    occurred_at timestamptz not null
);
create index dossier_history_by_dossier on dossier_history (dossier_id, id);

create function dossier_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'dossier_history is append-only';
end;
$$;

create trigger dossier_history_append_only
    before update or delete on dossier_history
    for each row execute function dossier_history_is_append_only();
