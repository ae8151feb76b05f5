-- Operations (migrations 70–79). Idempotency-Key: a request with a key now runs in one transaction that also
-- writes its answer, so a record always holds an answer; a request still running is recognised by its advisory
-- lock, no longer by a row without a status. Claims left by the previous way of working are dropped.
delete from idempotency_record where status is null;
alter table idempotency_record alter column status set not null;
comment on table idempotency_record is
    'Answers to requests with an Idempotency-Key (below 400), written in the request''s own transaction; kept 24 hours';
