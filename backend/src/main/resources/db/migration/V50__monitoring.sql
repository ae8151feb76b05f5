-- After approval: implementation plan, monthly progress reports, inspections, advances and payments, change
-- requests, acceptance and the settlement figures frozen at the end (Circular 36/2013/TT-BCT Art. 11-19,
-- Joint Circular 26/2014/TTLT-BTC-BCT).

-- Catalogue: the advance ceiling of each kind of support (Circular 36/2013/TT-BCT Art. 13), as data with an
-- effective date. An advance may reach max_percent of the approved support once the value of the work done
-- exceeds progress_over_percent of the project's total budget (null: no progress needed).
create table advance_rule (
    id                    bigserial primary key,
    kind_code             text not null references support_kind (code),
    effective_from        date not null,
    max_percent           int  not null check (max_percent between 0 and 100),
    progress_over_percent int  check (progress_over_percent between 0 and 100),
    legal_basis           text not null,
    unique (kind_code, effective_from)
);

insert into advance_rule (kind_code, effective_from, max_percent, progress_over_percent, legal_basis) values
    ('VOCATIONAL_TRAINING', '2014-02-10', 70, null, 'Điểm a khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('MANAGEMENT_TRAINING', '2014-02-10', 70, null, 'Điểm b khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('BRAND', '2014-02-10', 70, null, 'Điểm b khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('CONSULTING', '2014-02-10', 70, null, 'Điểm b khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('BUSINESS_CLUSTER', '2014-02-10', 70, null, 'Điểm b khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('FAIR', '2014-02-10', 70, null, 'Điểm c khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('INFORMATION', '2014-02-10', 70, null, 'Điểm c khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('CLUSTER_PLAN', '2014-02-10', 70, null, 'Điểm c khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('DEMONSTRATION_MODEL', '2014-02-10', 70, 70, 'Điểm d khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('MACHINERY', '2014-02-10', 70, 70, 'Điểm d khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('POLLUTION_TREATMENT', '2014-02-10', 70, 70, 'Điểm d khoản 2 Điều 13 Thông tư 36/2013/TT-BCT'),
    ('START_UP', '2014-02-10', 100, null, 'Khoản 3 Điều 13 Thông tư 36/2013/TT-BCT'),
    -- Art. 16: other tasks get the rate the Department decides; 70% until an administrator sets another
    ('INTERNATIONAL', '2014-02-10', 70, null, 'Khoản 2 Điều 16 Thông tư 36/2013/TT-BCT'),
    ('PROMOTION_CAPACITY', '2014-02-10', 70, null, 'Khoản 2 Điều 16 Thông tư 36/2013/TT-BCT');

-- The day of the month by which the month's progress report is due.
insert into catalog_setting (key, value) values ('progress-report-due-day', '25');

-- Evidence kept like any other document.
insert into document_type (code, name) values
    ('EVIDENCE_PHOTO', 'Ảnh hiện trường'),
    ('EVIDENCE_CONTRACT', 'Hợp đồng'),
    ('EVIDENCE_INVOICE', 'Hóa đơn, chứng từ'),
    ('ACCEPTANCE_MINUTES', 'Biên bản nghiệm thu');

-- One row per project under monitoring: the approved support as amended by decided change requests.
create table monitored_project (
    dossier_id      uuid primary key references dossier (id),
    started_on      date   not null,
    approved_amount bigint not null check (approved_amount >= 0),
    ends_on         date,
    commune_code    text references administrative_unit (code),
    content_note    text,
    overdue_since   date
);

create table plan_milestone (
    id               bigserial primary key,
    dossier_id       uuid not null references dossier (id),
    position         int  not null,
    title            text not null,
    due_on           date not null,
    promised_outcome text not null,
    unique (dossier_id, position)
);

-- Figures are cumulative since the start of the project.
create table progress_report (
    id                   bigserial primary key,
    dossier_id           uuid   not null references dossier (id),
    period               date   not null check (extract(day from period) = 1),
    spent_amount         bigint not null check (spent_amount >= 0),
    counterpart_invested bigint not null check (counterpart_invested >= 0),
    note                 text,
    late                 boolean not null,
    submitted_by         text   not null,
    submitted_at         timestamptz not null,
    unique (dossier_id, period)
);

create table progress_report_item (
    report_id    bigint not null references progress_report (id),
    milestone_id bigint not null references plan_milestone (id),
    percent_done int    not null check (percent_done between 0 and 100),
    note         text,
    primary key (report_id, milestone_id)
);

create table progress_report_evidence (
    report_id   bigint not null references progress_report (id),
    document_id uuid   not null references document (id),
    primary key (report_id, document_id)
);

-- What both sides are told: a missing report (one notice per dossier and period).
create table monitoring_notice (
    id          bigserial primary key,
    dossier_id  uuid not null references dossier (id),
    kind        text not null check (kind in ('REPORT_OVERDUE')),
    period      date not null,
    message     text not null,
    created_at  timestamptz not null,
    unique (dossier_id, kind, period)
);

create table inspection (
    id                bigserial primary key,
    dossier_id        uuid not null references dossier (id),
    inspected_on      date not null,
    findings          text not null,
    conclusion        text not null,
    corrective_action text,
    corrective_due_on date,
    inspector         text not null,
    recorded_at       timestamptz not null,
    check ((corrective_action is null) = (corrective_due_on is null))
);

create table inspection_photo (
    inspection_id bigint not null references inspection (id),
    document_id   uuid   not null references document (id),
    primary key (inspection_id, document_id)
);

create table disbursement (
    id          bigserial primary key,
    dossier_id  uuid   not null references dossier (id),
    kind        text   not null check (kind in ('ADVANCE', 'PAYMENT')),
    amount      bigint not null check (amount > 0),
    paid_on     date   not null,
    reference   text   not null,
    recorded_by text   not null,
    recorded_at timestamptz not null
);
create index disbursement_by_dossier on disbursement (dossier_id, id);

create table change_request (
    id                    bigserial primary key,
    dossier_id            uuid not null references dossier (id),
    kind                  text not null check (kind in ('BUDGET', 'CONTENT', 'SITE', 'TIMELINE')),
    reason                text not null,
    proposed_amount       bigint check (proposed_amount >= 0),
    proposed_ends_on      date,
    proposed_commune_code text references administrative_unit (code),
    proposed_content      text,
    status                text not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    requested_by          text not null,
    requested_at          timestamptz not null,
    decided_by            text,
    decided_at            timestamptz,
    decision_comment      text
);
create index change_request_by_dossier on change_request (dossier_id, id);

create table acceptance_record (
    dossier_id           uuid primary key references dossier (id),
    accepted_on          date   not null,
    workers_trained      int    not null check (workers_trained >= 0),
    machines_installed   int    not null check (machines_installed >= 0),
    machines_working     int    not null check (machines_working >= 0 and machines_working <= machines_installed),
    products             int    not null check (products >= 0),
    fairs_attended       int    not null check (fairs_attended >= 0),
    counterpart_realised bigint not null check (counterpart_realised >= 0),
    conclusion           text   not null,
    recorded_by          text   not null,
    recorded_at          timestamptz not null
);

-- Frozen when the project ends (accepted or terminated); what statistics read. Never updated or deleted.
create table settlement (
    dossier_id           uuid primary key references dossier (id),
    outcome              text   not null check (outcome in ('COMPLETED', 'TERMINATED')),
    agency_code          text   not null,
    programme            text   not null,
    content_code         text   not null,
    support_kind         text,
    commune_code         text,
    approved_amount      bigint not null,
    advances_paid        bigint not null,
    payments_made        bigint not null,
    total_support_paid   bigint not null,
    counterpart_realised bigint not null,
    workers_trained      int    not null,
    machines_installed   int    not null,
    machines_working     int    not null,
    products             int    not null,
    fairs_attended       int    not null,
    settled_on           date   not null,
    settled_at           timestamptz not null,
    check (total_support_paid = advances_paid + payments_made),
    check (total_support_paid <= approved_amount)
);
create index settlement_by_year on settlement (settled_on, content_code);

create function settlement_is_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'settlement figures are frozen';
end;
$$;

create trigger settlement_frozen
    before update or delete on settlement
    for each row execute function settlement_is_frozen();
