-- What the statistics count, kept by the database itself in the transaction of every change, so that a report reads a
-- few thousand group rows instead of joining every dossier to its decision, project, payments, settlement and history:
--
--   statistics_fact   one row per dossier: its group (year, programme, content, commune, state, kind of support,
--                     settlement) and what it adds to each figure of the group; recomputed whole from the source
--                     tables by triggers on them, never adjusted, so it cannot drift;
--   statistics_group  the sums per group, append-only: every change of a fact row appends what it takes from its old
--                     group and adds to its new one, so writers never update a shared row (no waiting, no deadlock, no
--                     lost update); a periodic compaction folds the rows of each group into one.
--
-- The views *_source are the only definitions: the triggers, the backfill and the consistency test use them.

-- Working days from the first day to the last, both counted (weekends and the catalogue's holidays left out).
create function statistics_working_days(first date, last date) returns int language sql stable as $$
    select cast(count(*) as int)
    from generate_series(first, last, interval '1 day') g
    where extract(isodow from g) < 6 and not exists (select 1 from public_holiday h where h.day = cast(g as date))
$$;

create view statistics_fact_source as
select f.dossier_id,
       -- the group
       f.year, f.programme, f.content_code, f.commune_code, f.status, f.support_kind,
       f.settlement, f.settled_support_kind, f.settled_content_code,
       -- what the dossier adds to the group's figures (money in whole VND; 0 or 1 for counts)
       f.requested_support,
       coalesce(f.counterpart_funds, 0)                                          as counterpart_funds,
       coalesce(f.approved_amount, 0)                                            as approved_amount,
       f.support_paid,
       case when f.settlement is null then 0 else 1 end                          as settled,
       coalesce(f.counterpart_realised, 0)                                       as counterpart_realised,
       coalesce(f.settled_support_paid, 0)                                       as settled_support_paid,
       coalesce(f.workers_trained, 0)                                            as workers_trained,
       coalesce(f.machines_installed, 0)                                         as machines_installed,
       coalesce(f.machines_working, 0)                                           as machines_working,
       coalesce(f.products, 0)                                                   as products,
       coalesce(f.fairs_attended, 0)                                             as fairs_attended,
       case when f.has_decision then 1 else 0 end                                as with_decision,
       case when f.has_decision then f.approved_amount else 0 end                as approved_with_decision,
       case when f.decided then 1 else 0 end                                     as decided,
       case when f.decided and f.first_decision_on <= f.appointment_date and not f.rescheduled
            then 1 else 0 end                                                    as decided_on_time,
       case when f.decided
            then statistics_working_days(f.processing_started_on, f.first_decision_on) else 0 end
                                                                                 as working_days_to_decision,
       case when f.supplement_requested then 1 else 0 end                        as supplements,
       -- kept to find the dossiers a change of holidays concerns
       f.processing_started_on, f.first_decision_on
from (
    select d.id                                                  as dossier_id,
           cast(extract(year from d.starts_on) as int)           as year,
           d.programme, d.content_code, d.commune_code, d.status, d.support_kind,
           s.outcome                                             as settlement,
           s.support_kind                                        as settled_support_kind,
           s.content_code                                        as settled_content_code,
           d.requested_support,
           d.counterpart_funds,
           dd.dossier_id is not null                             as has_decision,
           coalesce(mp.approved_amount, dd.approved_amount)      as approved_amount,
           cast(coalesce(s.total_support_paid,
                         case when d.status = 'MONITORED'
                              then (select sum(p.amount) from disbursement p where p.dossier_id = d.id) end,
                         0) as bigint)                           as support_paid,
           s.counterpart_realised,
           s.total_support_paid                                  as settled_support_paid,
           s.workers_trained, s.machines_installed, s.machines_working, s.products, s.fairs_attended,
           d.appointment_date,
           d.processing_started_on,
           decision.day                                          as first_decision_on,
           -- decided: approved or refused, with a start of processing to count from
           decision.day is not null and d.processing_started_on is not null as decided,
           exists (select 1 from dossier_history h
                   where h.dossier_id = d.id and h.event = 'RESCHEDULE')         as rescheduled,
           exists (select 1 from supplement_request r where r.dossier_id = d.id) as supplement_requested
    from dossier d
    left join dossier_decision dd on dd.dossier_id = d.id
    left join monitored_project mp on mp.dossier_id = d.id
    left join settlement s on s.dossier_id = d.id
    cross join lateral (
        select cast(min(h.occurred_at) at time zone 'Asia/Ho_Chi_Minh' as date) as day
        from dossier_history h
        where h.dossier_id = d.id and h.event in ('APPROVE', 'REJECT')
    ) decision
) f;

create table statistics_fact as select * from statistics_fact_source;
alter table statistics_fact
    add primary key (dossier_id),
    add foreign key (dossier_id) references dossier (id) on delete cascade;
create index statistics_fact_decided on statistics_fact (first_decision_on) where decided = 1;

-- The sums of the fact rows per group: what the table statistics_group must add up to.
create view statistics_group_source as
select year, programme, content_code, commune_code, status, support_kind,
       settlement, settled_support_kind, settled_content_code,
       -- money as bigint (whole VND), like every other sum here: adding bigints is the quick path for the reports
       count(*) as dossiers, cast(sum(requested_support) as bigint) as requested_support,
       cast(sum(counterpart_funds) as bigint) as counterpart_funds, cast(sum(approved_amount) as bigint) as approved_amount,
       cast(sum(support_paid) as bigint) as support_paid, sum(settled) as settled,
       cast(sum(counterpart_realised) as bigint) as counterpart_realised,
       cast(sum(settled_support_paid) as bigint) as settled_support_paid,
       sum(workers_trained) as workers_trained, sum(machines_installed) as machines_installed,
       sum(machines_working) as machines_working, sum(products) as products, sum(fairs_attended) as fairs_attended,
       sum(with_decision) as with_decision, cast(sum(approved_with_decision) as bigint) as approved_with_decision,
       sum(decided) as decided, sum(decided_on_time) as decided_on_time,
       sum(working_days_to_decision) as working_days_to_decision, sum(supplements) as supplements
from statistics_fact
group by year, programme, content_code, commune_code, status, support_kind,
         settlement, settled_support_kind, settled_content_code;

create table statistics_group as select * from statistics_group_source;

-- What the reports read: the rows of each group added up (one per group once compacted, a few more between).
create view statistics_group_current as
select year, programme, content_code, commune_code, status, support_kind,
       settlement, settled_support_kind, settled_content_code,
       sum(dossiers) as dossiers, sum(requested_support) as requested_support,
       sum(counterpart_funds) as counterpart_funds, sum(approved_amount) as approved_amount,
       sum(support_paid) as support_paid, sum(settled) as settled, sum(counterpart_realised) as counterpart_realised,
       sum(settled_support_paid) as settled_support_paid, sum(workers_trained) as workers_trained,
       sum(machines_installed) as machines_installed, sum(machines_working) as machines_working,
       sum(products) as products, sum(fairs_attended) as fairs_attended, sum(with_decision) as with_decision,
       sum(approved_with_decision) as approved_with_decision, sum(decided) as decided,
       sum(decided_on_time) as decided_on_time, sum(working_days_to_decision) as working_days_to_decision,
       sum(supplements) as supplements
from statistics_group
group by year, programme, content_code, commune_code, status, support_kind,
         settlement, settled_support_kind, settled_content_code
having sum(dossiers) <> 0;

-- Folds the rows of each group that has more than one into one; groups already folded are left alone. Rows appended
-- by transactions still open are not seen, so they stay for the next time. One compaction at a time across every
-- instance (the others return at once); writers only insert, so the rows it picks stay where they are meanwhile.
create function statistics_group_compact() returns void language plpgsql as $$
begin
    if not pg_try_advisory_xact_lock(hashtext('statistics_group_compact')) then
        return;
    end if;
    with moved as (
        delete from statistics_group
        where ctid in (
            select ctid
            from (select ctid, dossiers,
                         count(*) over (partition by year, programme, content_code, commune_code, status, support_kind,
                                                     settlement, settled_support_kind, settled_content_code) as rows_of_group
                  from statistics_group) g
            where rows_of_group > 1 or dossiers = 0)
        returning *
    )
    insert into statistics_group
    select year, programme, content_code, commune_code, status, support_kind,
           settlement, settled_support_kind, settled_content_code,
           sum(dossiers), sum(requested_support), sum(counterpart_funds), sum(approved_amount), sum(support_paid),
           sum(settled), sum(counterpart_realised), sum(settled_support_paid), sum(workers_trained),
           sum(machines_installed), sum(machines_working), sum(products), sum(fairs_attended), sum(with_decision),
           sum(approved_with_decision), sum(decided), sum(decided_on_time), sum(working_days_to_decision),
           sum(supplements)
    from moved
    group by year, programme, content_code, commune_code, status, support_kind,
             settlement, settled_support_kind, settled_content_code
    having sum(dossiers) <> 0;
end;
$$;

-- Appends what the changed fact rows take from their old groups and add to their new ones.
create function statistics_group_on_fact_change() returns trigger language plpgsql as $$
declare
    changed text := case tg_op when 'INSERT' then 'select 1 as sign, * from new_rows'
                               when 'DELETE' then 'select -1 as sign, * from old_rows'
                               else 'select 1 as sign, * from new_rows union all select -1, * from old_rows' end;
begin
    execute format($sql$
        insert into statistics_group
        select year, programme, content_code, commune_code, status, support_kind,
               settlement, settled_support_kind, settled_content_code,
               sum(sign), sum(sign * requested_support), sum(sign * counterpart_funds), sum(sign * approved_amount),
               sum(sign * support_paid), sum(sign * settled), sum(sign * counterpart_realised),
               sum(sign * settled_support_paid), sum(sign * workers_trained), sum(sign * machines_installed),
               sum(sign * machines_working), sum(sign * products), sum(sign * fairs_attended),
               sum(sign * with_decision), sum(sign * approved_with_decision), sum(sign * decided),
               sum(sign * decided_on_time), sum(sign * working_days_to_decision), sum(sign * supplements)
        from (%s) f
        group by year, programme, content_code, commune_code, status, support_kind,
                 settlement, settled_support_kind, settled_content_code
        $sql$, changed);
    return null;
end;
$$;

-- A trigger with transition tables fires on one kind of statement only, hence three triggers each time.
create trigger statistics_group_insert after insert on statistics_fact
    referencing new table as new_rows for each statement execute function statistics_group_on_fact_change();
create trigger statistics_group_update after update on statistics_fact
    referencing old table as old_rows new table as new_rows
    for each statement execute function statistics_group_on_fact_change();
create trigger statistics_group_delete after delete on statistics_fact
    referencing old table as old_rows for each statement execute function statistics_group_on_fact_change();

-- Recomputes the fact rows of these dossiers. The rows are locked first, always in the same order: a refresh that had
-- to wait for another transaction's refresh of the same dossier then reads, with a new snapshot, what that
-- transaction committed, so the last writer never keeps figures older than the other's. A row whose figures did not
-- change is left alone. Different dossiers never wait for each other.
create function statistics_fact_refresh(ids uuid[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    perform 1 from statistics_fact where dossier_id = any (ids) order by dossier_id for update;
    insert into statistics_fact
    select * from statistics_fact_source where dossier_id = any (ids)
    on conflict (dossier_id) do update set
        year = excluded.year, programme = excluded.programme, content_code = excluded.content_code,
        commune_code = excluded.commune_code, status = excluded.status, support_kind = excluded.support_kind,
        settlement = excluded.settlement, settled_support_kind = excluded.settled_support_kind,
        settled_content_code = excluded.settled_content_code, requested_support = excluded.requested_support,
        counterpart_funds = excluded.counterpart_funds, approved_amount = excluded.approved_amount,
        support_paid = excluded.support_paid, settled = excluded.settled,
        counterpart_realised = excluded.counterpart_realised, settled_support_paid = excluded.settled_support_paid,
        workers_trained = excluded.workers_trained, machines_installed = excluded.machines_installed,
        machines_working = excluded.machines_working, products = excluded.products,
        fairs_attended = excluded.fairs_attended, with_decision = excluded.with_decision,
        approved_with_decision = excluded.approved_with_decision, decided = excluded.decided,
        decided_on_time = excluded.decided_on_time, working_days_to_decision = excluded.working_days_to_decision,
        supplements = excluded.supplements, processing_started_on = excluded.processing_started_on,
        first_decision_on = excluded.first_decision_on
    where row(statistics_fact.*) is distinct from row(excluded.*);
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

-- A holiday added, moved or removed changes the working days of the dossiers decided across it.
create function statistics_fact_on_holiday_change() returns trigger language plpgsql as $$
declare
    ids uuid[];
begin
    execute format($sql$
        select array_agg(f.dossier_id)
        from statistics_fact f
        where f.decided = 1
          and exists (select 1 from (%s) h where h.day between f.processing_started_on and f.first_decision_on)
        $sql$, case tg_op when 'INSERT' then 'select day from new_days'
                          when 'DELETE' then 'select day from old_days'
                          else 'select day from new_days union all select day from old_days' end) into ids;
    perform statistics_fact_refresh(ids);
    return null;
end;
$$;

create trigger statistics_fact_insert after insert on public_holiday
    referencing new table as new_days for each statement execute function statistics_fact_on_holiday_change();
create trigger statistics_fact_update after update on public_holiday
    referencing old table as old_days new table as new_days
    for each statement execute function statistics_fact_on_holiday_change();
create trigger statistics_fact_delete after delete on public_holiday
    referencing old table as old_days for each statement execute function statistics_fact_on_holiday_change();

analyze statistics_fact;
analyze statistics_group;
