-- The open data of approved projects as the CSV file publishes it, one ready line per project, kept by the database in
-- the transaction of every change (as statistics_fact is): the file of every project is then read from one table in
-- its published order, instead of joining every project to its decision, project, settlement and payments for every
-- download. The view open_data_source is the only definition; the triggers and the backfill use it.

-- One cell of the file (RFC 4180): text a spreadsheet would run as a formula is prefixed with an apostrophe, text
-- holding a comma, a quote or a line break is quoted. Numbers and dates are passed as text and never prefixed.
create function open_data_cell(value text, is_text boolean default true) returns text language sql immutable as $$
    select case
        when value is null then ''
        else (select case when v ~ '[,"\r\n]' then '"' || replace(v, '"', '""') || '"' else v end
              from (select case when is_text and left(value, 1) in ('=', '+', '-', '@', E'\t', E'\r')
                                then '''' || value else value end as v) prefixed)
    end
$$;

create view open_data_source as
select p.dossier_id, p.starts_on, p.programme, p.content_code, p.commune_code, p.code,
       concat_ws(',',
           open_data_cell(p.code), open_data_cell(p.title), open_data_cell(p.programme),
           open_data_cell(p.content_code), open_data_cell(p.content_name), open_data_cell(p.support_kind),
           open_data_cell(p.kind_name), open_data_cell(p.commune_code), open_data_cell(p.commune_name),
           open_data_cell(cast(p.year as text), false), open_data_cell(to_char(p.starts_on, 'YYYY-MM-DD'), false),
           open_data_cell(to_char(p.ends_on, 'YYYY-MM-DD'), false), open_data_cell(p.decision_number),
           open_data_cell(to_char(p.decided_on, 'YYYY-MM-DD'), false), open_data_cell(cast(p.approved as text), false),
           open_data_cell(cast(p.paid as text), false), open_data_cell(cast(p.committed as text), false),
           open_data_cell(cast(p.counterpart_realised as text), false), open_data_cell(p.status),
           open_data_cell(to_char(p.accepted_on, 'YYYY-MM-DD'), false),
           open_data_cell(cast(p.workers_trained as text), false),
           open_data_cell(cast(p.machines_installed as text), false), open_data_cell(cast(p.products as text), false),
           open_data_cell(cast(p.fairs_attended as text), false)) as line
from (
    select d.id as dossier_id, d.code, d.title, d.programme, d.content_code, c.name as content_name, d.support_kind,
           k.name as kind_name, d.commune_code, u.name as commune_name,
           cast(extract(year from d.starts_on) as int) as year, d.starts_on, d.ends_on, dd.decision_number,
           cast(dd.decided_at at time zone 'Asia/Ho_Chi_Minh' as date) as decided_on,
           coalesce(mp.approved_amount, dd.approved_amount) as approved,
           coalesce(s.total_support_paid, (select sum(p.amount) from disbursement p where p.dossier_id = d.id), 0)
               as paid,
           coalesce(d.counterpart_funds, 0) as committed, s.counterpart_realised, d.status,
           case when s.outcome = 'COMPLETED' then s.settled_on end as accepted_on,
           case when s.outcome = 'COMPLETED' then s.workers_trained end as workers_trained,
           case when s.outcome = 'COMPLETED' then s.machines_installed end as machines_installed,
           case when s.outcome = 'COMPLETED' then s.products end as products,
           case when s.outcome = 'COMPLETED' then s.fairs_attended end as fairs_attended
    from dossier d
    join dossier_decision dd on dd.dossier_id = d.id
    left join monitored_project mp on mp.dossier_id = d.id
    left join settlement s on s.dossier_id = d.id
    left join support_content c on c.code = d.content_code
    left join support_kind k on k.code = d.support_kind
    left join administrative_unit u on u.code = d.commune_code
    where d.status in ('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED')
) p;

create table open_data_line (
    dossier_id   uuid primary key references dossier (id) on delete cascade,
    starts_on    date,
    programme    text,
    content_code text,
    commune_code text,
    code         text not null,
    line         text not null
);
-- the published order (as the index dossier_open_data orders the JSON list), the filter by year on the same index
create index open_data_line_order on open_data_line ((coalesce(starts_on, date 'infinity')), code);

insert into open_data_line select * from open_data_source;

-- Recomputed whole from the source for the dossiers a statement touched: added, changed or removed from the list.
-- Planned once per session (a generic plan): the plan for a few ids does not depend on which, and planning the view
-- again for every statement took several times longer than running it.
create function open_data_line_refresh(ids uuid[]) returns void language plpgsql
    set plan_cache_mode = force_generic_plan as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    -- two transactions changing one project (two payments at once): the second waits for the first on the dossier's
    -- summary row (every dossier has one, locked in this order by the summary's own trigger too), then reads what the
    -- first committed, so the last line written is computed from both
    perform 1 from statistics_fact where dossier_id = any (ids) order by dossier_id for update;
    delete from open_data_line o where o.dossier_id = any (ids)
        and not exists (select 1 from open_data_source s where s.dossier_id = o.dossier_id);
    insert into open_data_line
    select * from open_data_source where dossier_id = any (ids)
    on conflict (dossier_id) do update set
        starts_on = excluded.starts_on, programme = excluded.programme, content_code = excluded.content_code,
        commune_code = excluded.commune_code, code = excluded.code, line = excluded.line
    where row(open_data_line.*) is distinct from row(excluded.*);
end;
$$;

create function open_data_line_on_change() returns trigger language plpgsql as $$
declare
    ids uuid[];
begin
    execute format('select array_agg(distinct %I) from changed', tg_argv[0]) into ids;
    perform open_data_line_refresh(ids);
    return null;
end;
$$;

create trigger open_data_line_insert after insert on dossier
    referencing new table as changed for each statement execute function open_data_line_on_change('id');
-- an update of dossiers refreshes those whose columns read by open_data_source changed
create function open_data_line_on_dossier_update() returns trigger language plpgsql as $$
declare
    ids uuid[];
begin
    select array_agg(n.id) into ids
    from changed n join before_change o on o.id = n.id
    where (n.code, n.title, n.programme, n.content_code, n.support_kind, n.commune_code, n.starts_on, n.ends_on,
           n.counterpart_funds, n.status)
          is distinct from
          (o.code, o.title, o.programme, o.content_code, o.support_kind, o.commune_code, o.starts_on, o.ends_on,
           o.counterpart_funds, o.status);
    perform open_data_line_refresh(ids);
    return null;
end;
$$;

create trigger open_data_line_update after update on dossier
    referencing old table as before_change new table as changed
    for each statement execute function open_data_line_on_dossier_update();

do $$
declare
    source text;
begin
    foreach source in array array['dossier_decision', 'monitored_project', 'settlement', 'disbursement'] loop
        execute format('create trigger open_data_line_insert after insert on %I referencing new table as changed '
                       'for each statement execute function open_data_line_on_change(''dossier_id'')', source);
        execute format('create trigger open_data_line_update after update on %I referencing new table as changed '
                       'for each statement execute function open_data_line_on_change(''dossier_id'')', source);
        execute format('create trigger open_data_line_delete after delete on %I referencing old table as changed '
                       'for each statement execute function open_data_line_on_change(''dossier_id'')', source);
    end loop;
end;
$$;

-- A renamed content, kind of support or commune: the lines that name it.
create function open_data_line_on_rename() returns trigger language plpgsql as $$
declare
    ids uuid[];
begin
    execute format('select array_agg(o.dossier_id) from open_data_line o join dossier d on d.id = o.dossier_id '
                   'where d.%I in (select code from changed)', tg_argv[0]) into ids;
    perform open_data_line_refresh(ids);
    return null;
end;
$$;

create trigger open_data_line_rename after update on support_content
    referencing new table as changed for each statement execute function open_data_line_on_rename('content_code');
create trigger open_data_line_rename after update on support_kind
    referencing new table as changed for each statement execute function open_data_line_on_rename('support_kind');
create trigger open_data_line_rename after update on administrative_unit
    referencing new table as changed for each statement execute function open_data_line_on_rename('commune_code');
