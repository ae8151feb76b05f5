-- The open data list of approved projects in its one order (start date, nulls last, then code): a page that follows
-- a given project (keyset paging) starts from its place in this index instead of counting through the ones before.
create index dossier_open_data on dossier ((coalesce(starts_on, date 'infinity')), code)
    where status in ('APPROVED', 'MONITORED', 'COMPLETED', 'TERMINATED');
