-- Operations (migrations 70–79). The locks of the scheduled jobs (ShedLock's table): whichever instance takes a
-- job's row runs the job; the others skip that run. Times are the database's own clock in UTC (the library writes
-- timezone('utc', current_timestamp), hence timestamps without time zone), so instances with skewed clocks or
-- other time zones still agree.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
