-- The enterprise's rating of the service once its dossier has a result: the indicators of Circular
-- 01/2018/TT-VPCP Art. 13 that a person can judge (1 processing time, 3 number of contacts, 7 officers'
-- attitude, 9 quality of the online service), each scored 0, 1 or 2 as the Circular scores them. One per dossier.
create table satisfaction_rating (
    dossier_id      uuid primary key references dossier (id),
    agency_code     text not null,
    processing_time smallint not null check (processing_time between 0 and 2),
    contacts        smallint not null check (contacts between 0 and 2),
    attitude        smallint not null check (attitude between 0 and 2),
    online_service  smallint not null check (online_service between 0 and 2),
    comment         text,
    rated_by        text not null,
    rated_at        timestamptz not null
);
create index satisfaction_rating_by_time on satisfaction_rating (rated_at);
