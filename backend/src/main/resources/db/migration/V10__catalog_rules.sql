-- The rules of the procedure as data: funding calls, support kinds with their caps, the form of each content,
-- administrative units after the 2025 reform, the review score sheet.

create table administrative_unit (
    code          text primary key,
    name          text not null,
    level         text not null check (level in ('PROVINCE', 'COMMUNE')),
    parent_code   text references administrative_unit (code),
    -- communes of the priority areas (Decree 45/2012 Art. 6): support caps up to 1.5 times
    priority_area boolean not null default false,
    active        boolean not null default true,
    check ((level = 'PROVINCE') = (parent_code is null))
);

-- After the 2025 reform (Resolution 202/2025/QH15) Bắc Kạn is part of Thái Nguyên and districts are gone:
-- communes hang directly under the province. A starting list; administrators complete it.
insert into administrative_unit (code, name, level, parent_code, priority_area) values
    ('19', 'Tỉnh Thái Nguyên', 'PROVINCE', null, false);
insert into administrative_unit (code, name, level, parent_code, priority_area) values
    ('19001', 'Phường Phan Đình Phùng', 'COMMUNE', '19', false),
    ('19002', 'Phường Đức Xuân', 'COMMUNE', '19', false),
    ('19003', 'Xã Côn Minh', 'COMMUNE', '19', true),
    ('19004', 'Xã Chợ Đồn', 'COMMUNE', '19', true),
    ('19005', 'Xã Ba Bể', 'COMMUNE', '19', true),
    ('19006', 'Xã Na Rì', 'COMMUNE', '19', true),
    ('19007', 'Xã Bạch Thông', 'COMMUNE', '19', true),
    ('19008', 'Xã Đại Từ', 'COMMUNE', '19', false);

create table catalog_setting (
    key   text primary key,
    value text not null
);
-- Joint Circular 26/2014/TTLT-BTC-BCT Art. 6.2.t: priority programmes up to 1.5 times the cap.
insert into catalog_setting (key, value) values ('priority-area-cap-percent', '150');

-- A programme's yearly call for dossiers (e.g. national dossiers reach the Department before 20 May).
create table funding_call (
    id          uuid primary key,
    programme   text not null check (programme in ('NATIONAL', 'LOCAL')),
    year        int  not null,
    name        text not null,
    agency_code text not null references agency (code),
    opens_on    date not null,
    closes_on   date not null,
    check (closes_on >= opens_on)
);
insert into funding_call (id, programme, year, name, agency_code, opens_on, closes_on) values
    ('0b6f3c52-2026-4c00-8000-000000000001', 'NATIONAL', 2027, 'Đăng ký kế hoạch khuyến công quốc gia năm 2027',
     '000.00.15.H55', '2026-01-01', '2026-05-20'),
    ('0b6f3c52-2026-4c00-8000-000000000002', 'LOCAL', 2026, 'Khuyến công địa phương năm 2026',
     '000.00.15.H55', '2026-01-01', '2026-12-31'),
    ('0b6f3c52-2027-4c00-8000-000000000003', 'NATIONAL', 2028, 'Đăng ký kế hoạch khuyến công quốc gia năm 2028',
     '000.00.15.H55', '2027-01-01', '2027-05-20'),
    ('0b6f3c52-2027-4c00-8000-000000000004', 'LOCAL', 2027, 'Khuyến công địa phương năm 2027',
     '000.00.15.H55', '2027-01-01', '2027-12-31');

-- What exactly is supported within a content; the caps hang on it.
create table support_kind (
    code         text primary key,
    content_code text not null references support_content (code),
    name         text not null,
    legal_basis  text not null,
    sort_order   int  not null
);

-- Caps with effective dates: the lower of a share of the total budget and an amount (null: no amount cap).
create table support_cap (
    id             bigserial primary key,
    kind_code      text   not null references support_kind (code),
    effective_from date   not null,
    effective_to   date,
    max_percent    int    not null check (max_percent between 1 and 100),
    max_amount     bigint check (max_amount > 0),
    unique (kind_code, effective_from),
    check (effective_to is null or effective_to >= effective_from)
);

insert into support_kind (code, content_code, name, legal_basis, sort_order) values
    ('VOCATIONAL_TRAINING', 'VOCATIONAL_TRAINING', 'Đào tạo nghề, truyền nghề', 'Điểm b khoản 1 Điều 6 TTLT 26/2014', 1),
    ('START_UP', 'MANAGEMENT_CAPACITY', 'Hỗ trợ khởi sự, thành lập doanh nghiệp', 'Điểm a khoản 2 Điều 6 TTLT 26/2014', 2),
    ('MANAGEMENT_TRAINING', 'MANAGEMENT_CAPACITY', 'Tập huấn, hội thảo nâng cao năng lực quản lý', 'Điểm c khoản 1 Điều 6 TTLT 26/2014', 3),
    ('DEMONSTRATION_MODEL', 'TECHNOLOGY_TRANSFER', 'Mô hình trình diễn kỹ thuật', 'Điểm b khoản 2 Điều 6 TTLT 26/2014', 4),
    ('MACHINERY', 'TECHNOLOGY_TRANSFER', 'Ứng dụng máy móc thiết bị, chuyển giao công nghệ', 'Điểm c khoản 2 Điều 6 TTLT 26/2014', 5),
    ('FAIR', 'PRODUCT_PROMOTION', 'Tham gia hội chợ, triển lãm trong nước', 'Điểm d khoản 2 Điều 6 TTLT 26/2014', 6),
    ('BRAND', 'PRODUCT_PROMOTION', 'Xây dựng, đăng ký thương hiệu', 'Điểm h khoản 2 Điều 6 TTLT 26/2014', 7),
    ('CONSULTING', 'CONSULTING', 'Thuê tư vấn (thiết kế mẫu mã, bao bì, lập dự án...)', 'Điểm i khoản 2 Điều 6 TTLT 26/2014', 8),
    ('INFORMATION', 'INFORMATION', 'Thông tin, tuyên truyền', 'Điểm k khoản 2 Điều 6 TTLT 26/2014', 9),
    ('BUSINESS_CLUSTER', 'CLUSTER_DEVELOPMENT', 'Hình thành cụm liên kết doanh nghiệp', 'Điểm m khoản 2 Điều 6 TTLT 26/2014', 10),
    ('CLUSTER_PLAN', 'CLUSTER_DEVELOPMENT', 'Lập quy hoạch chi tiết cụm công nghiệp', 'Điểm q khoản 2 Điều 6 TTLT 26/2014', 11),
    ('POLLUTION_TREATMENT', 'CLUSTER_DEVELOPMENT', 'Nâng cấp hệ thống xử lý ô nhiễm tại cơ sở', 'Điểm o khoản 2 Điều 6 TTLT 26/2014', 12),
    ('INTERNATIONAL', 'INTERNATIONAL_COOPERATION', 'Hợp tác quốc tế về khuyến công', 'Khoản 8 Điều 4 NĐ 45/2012', 13),
    ('PROMOTION_CAPACITY', 'PROMOTION_CAPACITY', 'Nâng cao năng lực hoạt động khuyến công', 'Khoản 9 Điều 4 NĐ 45/2012', 14);

insert into support_cap (kind_code, effective_from, max_percent, max_amount) values
    ('VOCATIONAL_TRAINING', '2014-04-08', 100, null),
    ('START_UP', '2014-04-08', 100, 10000000),
    ('MANAGEMENT_TRAINING', '2014-04-08', 100, null),
    ('DEMONSTRATION_MODEL', '2014-04-08', 30, 500000000),
    ('MACHINERY', '2014-04-08', 50, 200000000),
    ('FAIR', '2014-04-08', 80, null),
    ('BRAND', '2014-04-08', 50, 35000000),
    ('CONSULTING', '2014-04-08', 50, 35000000),
    ('INFORMATION', '2014-04-08', 100, null),
    ('BUSINESS_CLUSTER', '2014-04-08', 50, 150000000),
    ('CLUSTER_PLAN', '2014-04-08', 50, 500000000),
    ('POLLUTION_TREATMENT', '2014-04-08', 30, 300000000),
    ('INTERNATIONAL', '2014-04-08', 100, null),
    ('PROMOTION_CAPACITY', '2014-04-08', 100, null);

-- The questions each content asks besides the common ones; answers live in dossier.form_data.
create table content_field (
    content_code text not null references support_content (code),
    field_key    text not null check (field_key ~ '^[a-z][a-zA-Z0-9]*$'),
    label        text not null,
    field_type   text not null check (field_type in ('TEXT', 'LONG_TEXT', 'INTEGER', 'MONEY', 'DATE', 'BOOLEAN')),
    required     boolean not null default true,
    min_value    bigint,
    max_value    bigint,
    help         text,
    sort_order   int not null,
    primary key (content_code, field_key)
);

insert into content_field (content_code, field_key, label, field_type, required, min_value, max_value, help, sort_order) values
    ('VOCATIONAL_TRAINING', 'trade', 'Nghề đào tạo, truyền nghề', 'TEXT', true, null, null, 'Ví dụ: chế biến miến dong, sản xuất đũa', 1),
    ('VOCATIONAL_TRAINING', 'trainees', 'Số học viên', 'INTEGER', true, 1, 10000, null, 2),
    ('VOCATIONAL_TRAINING', 'classes', 'Số lớp', 'INTEGER', true, 1, 500, null, 3),
    ('VOCATIONAL_TRAINING', 'durationDays', 'Thời gian đào tạo (ngày)', 'INTEGER', true, 1, 365, null, 4),
    ('MANAGEMENT_CAPACITY', 'activity', 'Hoạt động (lớp khởi sự doanh nghiệp, tập huấn, hội thảo...)', 'TEXT', true, null, null, null, 1),
    ('MANAGEMENT_CAPACITY', 'classes', 'Số lớp, hội nghị', 'INTEGER', true, 1, 500, null, 2),
    ('MANAGEMENT_CAPACITY', 'participants', 'Số người tham gia', 'INTEGER', true, 1, 100000, null, 3),
    ('TECHNOLOGY_TRANSFER', 'machines', 'Danh mục máy móc, thiết bị (tên, số lượng, thông số)', 'LONG_TEXT', true, null, null, 'Mỗi máy một dòng', 1),
    ('TECHNOLOGY_TRANSFER', 'supplierQuotes', 'Số báo giá của nhà cung cấp', 'INTEGER', true, 1, 20, 'Cần ít nhất 1 báo giá, tải lên ở bước tài liệu', 2),
    ('TECHNOLOGY_TRANSFER', 'capacity', 'Công suất sau đầu tư', 'TEXT', true, null, null, 'Ví dụ: 2 tấn sản phẩm/ngày', 3),
    ('TECHNOLOGY_TRANSFER', 'workers', 'Số lao động tham gia sản xuất', 'INTEGER', false, 0, 100000, null, 4),
    ('PRODUCT_PROMOTION', 'fairs', 'Số hội chợ, triển lãm tham gia', 'INTEGER', false, 0, 100, null, 1),
    ('PRODUCT_PROMOTION', 'brands', 'Số thương hiệu đăng ký', 'INTEGER', false, 0, 100, null, 2),
    ('PRODUCT_PROMOTION', 'products', 'Sản phẩm giới thiệu', 'TEXT', true, null, null, null, 3),
    ('CONSULTING', 'topic', 'Nội dung tư vấn', 'TEXT', true, null, null, 'Ví dụ: thiết kế mẫu mã, bao bì', 1),
    ('CONSULTING', 'packagingDesigns', 'Số mẫu mã, bao bì được thiết kế', 'INTEGER', false, 0, 1000, null, 2),
    ('INFORMATION', 'channel', 'Hình thức thông tin (truyền hình, ấn phẩm, trang thông tin...)', 'TEXT', true, null, null, null, 1),
    ('INFORMATION', 'issues', 'Số kỳ, số ấn phẩm', 'INTEGER', true, 1, 10000, null, 2),
    ('CLUSTER_DEVELOPMENT', 'clusterName', 'Tên cụm công nghiệp, cụm liên kết', 'TEXT', true, null, null, null, 1),
    ('CLUSTER_DEVELOPMENT', 'members', 'Số cơ sở tham gia', 'INTEGER', false, 0, 10000, null, 2),
    ('INTERNATIONAL_COOPERATION', 'partner', 'Đối tác quốc tế', 'TEXT', true, null, null, null, 1),
    ('PROMOTION_CAPACITY', 'participants', 'Số cán bộ tham gia', 'INTEGER', true, 1, 10000, null, 1);

-- The appraisal score sheet (Circular 36/2013/TT-BCT, form 4a).
create table review_criterion (
    code       text primary key,
    name       text not null,
    max_score  int  not null check (max_score > 0),
    sort_order int  not null
);
insert into review_criterion (code, name, max_score, sort_order) values
    ('NECESSITY', 'Sự cần thiết, phù hợp với định hướng phát triển công nghiệp nông thôn', 20, 1),
    ('OBJECTIVES', 'Mục tiêu, nội dung rõ ràng, khả thi', 20, 2),
    ('BENEFICIARY', 'Năng lực của cơ sở thụ hưởng, vốn đối ứng', 20, 3),
    ('BUDGET', 'Dự toán kinh phí hợp lý, đúng định mức', 20, 4),
    ('EFFECT', 'Hiệu quả kinh tế - xã hội, khả năng nhân rộng', 20, 5);
