-- Statistics are computed live from the dossiers; what they need besides: the targets of each planning period kept
-- as data, and the indexes that keep the aggregations fast at the size of a whole province's history.

create table statistics_target (
    id              bigserial primary key,
    period_code     text not null,                -- e.g. TO_2020, 2021_2030
    period_name     text not null,
    from_year       int  not null,
    to_year         int  not null,
    indicator       text not null,                -- what is counted, in words
    programme       text check (programme in ('NATIONAL', 'LOCAL')),
    support_kind    text references support_kind (code),
    target_projects int  check (target_projects > 0),
    target_amount   bigint check (target_amount > 0),
    source          text not null,
    sort_order      int  not null,
    check (to_year >= from_year),
    check (target_projects is not null or target_amount is not null),
    unique (period_code, sort_order)
);

-- Bắc Kạn's targets (report of the provincial People's Committee, 2019): to 2020, then the 2021-2030 orientation.
insert into statistics_target (period_code, period_name, from_year, to_year, indicator, programme, support_kind,
                               target_projects, target_amount, source, sort_order) values
    ('TO_2020', 'Mục tiêu đến năm 2020', 2019, 2020, 'Mô hình trình diễn kỹ thuật sản xuất sản phẩm mới', null,
     'DEMONSTRATION_MODEL', 2, null, 'UBND tỉnh Bắc Kạn, mục tiêu chương trình khuyến công đến năm 2020', 1),
    ('TO_2020', 'Mục tiêu đến năm 2020', 2019, 2020, 'Cơ sở đổi mới công nghệ tiên tiến, hiện đại', null,
     'MACHINERY', 10, null, 'UBND tỉnh Bắc Kạn, mục tiêu chương trình khuyến công đến năm 2020', 2),
    ('TO_2020', 'Mục tiêu đến năm 2020', 2019, 2020, 'Cơ sở được xây dựng, đăng ký thương hiệu', null,
     'BRAND', 4, null, 'UBND tỉnh Bắc Kạn, mục tiêu chương trình khuyến công đến năm 2020', 3),
    ('TO_2020', 'Mục tiêu đến năm 2020', 2019, 2020, 'Cơ sở được hỗ trợ thiết kế bao bì', null,
     'CONSULTING', 15, null, 'UBND tỉnh Bắc Kạn, mục tiêu chương trình khuyến công đến năm 2020', 4),
    ('TO_2020', 'Mục tiêu đến năm 2020', 2019, 2020, 'Quy hoạch chi tiết cụm công nghiệp', null,
     'CLUSTER_PLAN', 1, null, 'UBND tỉnh Bắc Kạn, mục tiêu chương trình khuyến công đến năm 2020', 5),
    ('2021_2030', 'Định hướng giai đoạn 2021–2030', 2021, 2030, 'Đề án khuyến công quốc gia', 'NATIONAL',
     null, 20, 6000000000, 'UBND tỉnh Bắc Kạn, định hướng hoạt động khuyến công giai đoạn 2021–2030', 1),
    ('2021_2030', 'Định hướng giai đoạn 2021–2030', 2021, 2030, 'Đề án khuyến công địa phương', 'LOCAL',
     null, 100, 5000000000, 'UBND tỉnh Bắc Kạn, định hướng hoạt động khuyến công giai đoạn 2021–2030', 2);

-- The period of a dossier is the year its project starts; every statistic filters on it first.
create index dossier_statistics on dossier (starts_on) include (status, programme, content_code, commune_code);

-- The first decision of each dossier (approval or refusal), read for the processing figures.
create index dossier_history_decisions on dossier_history (dossier_id, occurred_at)
    where event in ('APPROVE', 'REJECT');
create index dossier_history_reschedules on dossier_history (dossier_id) where event = 'RESCHEDULE';
