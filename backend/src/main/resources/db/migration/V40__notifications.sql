-- Notifications: in-app notices and the outbox of e-mails, both written in the transaction of the change they
-- tell about. A notice or mail exists once per key (the transition, the recipient, the kind), so replaying a
-- change never duplicates it.

create table notification (
    id          uuid primary key,
    dedup_key   text not null unique,
    recipient   text not null,
    kind        text not null,
    dossier_id  uuid references dossier (id),
    dossier_code text,
    title       text not null,
    body        text not null,
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index notification_by_recipient on notification (recipient, created_at desc);
create index notification_unread on notification (recipient) where read_at is null;

-- The mail outbox. The delivery job claims due rows with FOR UPDATE SKIP LOCKED (so any number of instances
-- share the work), pushes next_attempt_at forward by a lease while it sends (a crash mid-send retries after the
-- lease), and on failure waits with exponential backoff. The dedup key is also the mail's Message-ID.
create table mail_outbox (
    id              uuid primary key,
    dedup_key       text not null unique,
    recipient       text not null,
    recipient_name  text,
    subject         text not null,
    body            text not null,
    kind            text not null,
    dossier_id      uuid references dossier (id),
    created_at      timestamptz not null,
    status          text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_by_dossier on mail_outbox (dossier_id);
