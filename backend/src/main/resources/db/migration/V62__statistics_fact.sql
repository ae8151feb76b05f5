-- One summary row per dossier with everything the statistics count, kept by the database itself in the transaction
-- of every change: the reports group one narrow table instead of joining the dossiers to their decisions, projects,
-- payments, settlements and history. The row is always recomputed whole from the source tables, never adjusted by a
-- delta, so it cannot drift; the view below is its only definition, used by the triggers, the backfill and the test
-- that compares the kept rows with a computation from scratch.

create view statistics_fact_source as
select d.id                                                      as dossier_id,
       -- what a report filters and groups by, named as on the dossier so that the same filter applies
       d.starts_on,
       cast(extract(year from d.starts_on) as int)               as year,
       d.programme,
       d.content_code,
       d.commune_code,
       d.support_kind,
       d.status,
       -- money, whole VND
       d.requested_support,
       d.counterpart_funds,
       dd.dossier_id is not null                                 as has_decision,
       coalesce(mp.approved_amount, dd.approved_amount)          as approved_amount,
       coalesce(s.total_support_paid,
                case when d.status = 'MONITORED'
                     then (select sum(p.amount) from disbursement p where p.dossier_id = d.id) end,
                0)                                               as support_paid,
       -- the frozen settlement, if any
       s.outcome                                                 as settlement,
       s.support_kind                                            as settled_support_kind,
       s.content_code                                            as settled_content_code,
       s.total_support_paid                                      as settled_support_paid,
       s.counterpart_realised,
       s.workers_trained,
       s.machines_installed,
       s.machines_working,
       s.products,
       s.fairs_attended,
       -- processing: working days are counted when a report is read, against the holidays of that moment
       d.appointment_date,
       d.processing_started_on,
       (select cast(min(h.occurred_at) at time zone 'Asia/Ho_Chi_Minh' as date)
        from dossier_history h
        where h.dossier_id = d.id and h.event in ('APPROVE', 'REJECT'))        as first_decision_on,
       exists (select 1 from dossier_history h
               where h.dossier_id = d.id and h.event = 'RESCHEDULE')         as rescheduled,
       exists (select 1 from supplement_request r where r.dossier_id = d.id) as supplement_requested
from dossier d
left join dossier_decision dd on dd.dossier_id = d.id
left join monitored_project mp on mp.dossier_id = d.id
left join settlement s on s.dossier_id = d.id;

create table statistics_fact as select * from statistics_fact_source;
alter table statistics_fact
    add primary key (dossier_id),
    add foreign key (dossier_id) references dossier (id) on delete cascade;
-- Reports filter on the period first; the whole province is a sequential scan of this narrow table.
create index statistics_fact_by_start on statistics_fact (starts_on);

-- Recomputes the rows of these dossiers. The rows are locked first, always in the same order: a refresh that had to
-- wait for another transaction's refresh of the same dossier then reads, with a new snapshot, what that transaction
-- committed, so the last writer never keeps figures older than the other's. Different dossiers never wait for each
-- other: there is no shared row to update.
create function statistics_fact_refresh(ids uuid[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    perform 1 from statistics_fact where dossier_id = any (ids) order by dossier_id for update;
    insert into statistics_fact
    select * from statistics_fact_source where dossier_id = any (ids)
    on conflict (dossier_id) do update set
        starts_on = excluded.starts_on, year = excluded.year, programme = excluded.programme,
        content_code = excluded.content_code, commune_code = excluded.commune_code,
        support_kind = excluded.support_kind, status = excluded.status,
        requested_support = excluded.requested_support, counterpart_funds = excluded.counterpart_funds,
        has_decision = excluded.has_decision, approved_amount = excluded.approved_amount,
        support_paid = excluded.support_paid, settlement = excluded.settlement,
        settled_support_kind = excluded.settled_support_kind, settled_content_code = excluded.settled_content_code,
        settled_support_paid = excluded.settled_support_paid, counterpart_realised = excluded.counterpart_realised,
        workers_trained = excluded.workers_trained, machines_installed = excluded.machines_installed,
        machines_working = excluded.machines_working, products = excluded.products,
        fairs_attended = excluded.fairs_attended, appointment_date = excluded.appointment_date,
        processing_started_on = excluded.processing_started_on, first_decision_on = excluded.first_decision_on,
        rescheduled = excluded.rescheduled, supplement_requested = excluded.supplement_requested;
end;
$$;

-- Statement-level triggers: a statement that changes many rows (a bulk load) refreshes each dossier once.
create function statistics_fact_on_change() returns trigger language plpgsql as $$
declare
    ids uuid[];
begin
    execute format('select array_agg(distinct %I) from changed', tg_argv[0]) into ids;
    perform statistics_fact_refresh(ids);
    return null;
end;
$$;

create trigger statistics_fact_insert after insert on dossier
    referencing new table as changed for each statement execute function statistics_fact_on_change('id');
create trigger statistics_fact_update after update on dossier
    referencing new table as changed for each statement execute function statistics_fact_on_change('id');

do $$
declare
    source text;
begin
    foreach source in array array['dossier_history', 'dossier_decision', 'monitored_project', 'settlement',
                                  'disbursement', 'supplement_request'] loop
        execute format('create trigger statistics_fact_insert after insert on %I referencing new table as changed '
                       'for each statement execute function statistics_fact_on_change(''dossier_id'')', source);
        execute format('create trigger statistics_fact_update after update on %I referencing new table as changed '
                       'for each statement execute function statistics_fact_on_change(''dossier_id'')', source);
        execute format('create trigger statistics_fact_delete after delete on %I referencing old table as changed '
                       'for each statement execute function statistics_fact_on_change(''dossier_id'')', source);
    end loop;
end;
$$;

analyze statistics_fact;
