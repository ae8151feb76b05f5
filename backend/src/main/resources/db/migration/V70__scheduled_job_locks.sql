-- Operations (migrations 70–79). The locks of the scheduled jobs (ShedLock's table): whichever instance takes a
-- job's row runs the job; the others skip that run. Times are the database's own clock, so instances with
-- skewed clocks still agree.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
