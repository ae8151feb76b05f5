-- The catalogue: rules of the procedure kept as data (Decree 45/2012/ND-CP, Circular 36/2013/TT-BCT).

create table agency (
    code     text primary key,             -- unit code per Circular 10/2016/TT-BTTTT, prefix of dossier codes
    name     text not null,
    province text not null,
    active   boolean not null default true
);

create table support_content (
    code            text primary key,
    name            text not null,
    legal_basis     text not null,
    sort_order      int  not null unique,
    processing_days int  not null check (processing_days > 0)  -- working days from receipt to result
);

create table document_type (
    code text primary key,
    name text not null
);

create table required_document (
    content_code  text not null references support_content (code),
    document_type text not null references document_type (code),
    primary key (content_code, document_type)
);

create table public_holiday (
    day  date primary key,
    name text not null
);

insert into agency (code, name, province) values
    ('000.00.15.H55', 'Sở Công Thương tỉnh Thái Nguyên', 'Thái Nguyên');

-- The nine contents of Article 4, Decree 45/2012/ND-CP.
insert into support_content (code, name, legal_basis, sort_order, processing_days) values
    ('VOCATIONAL_TRAINING', 'Đào tạo nghề, truyền nghề cho người lao động', 'Khoản 1 Điều 4 Nghị định 45/2012/NĐ-CP', 1, 15),
    ('MANAGEMENT_CAPACITY', 'Nâng cao năng lực quản lý, khởi sự doanh nghiệp, sản xuất sạch hơn', 'Khoản 2 Điều 4 Nghị định 45/2012/NĐ-CP', 2, 15),
    ('TECHNOLOGY_TRANSFER', 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc tiên tiến', 'Khoản 3 Điều 4 Nghị định 45/2012/NĐ-CP', 3, 15),
    ('PRODUCT_PROMOTION', 'Phát triển sản phẩm tiêu biểu, hội chợ triển lãm, thương hiệu, xúc tiến thương mại', 'Khoản 4 Điều 4 Nghị định 45/2012/NĐ-CP', 4, 15),
    ('CONSULTING', 'Tư vấn, trợ giúp cơ sở công nghiệp nông thôn (thiết kế mẫu mã, bao bì, dự án đầu tư...)', 'Khoản 5 Điều 4 Nghị định 45/2012/NĐ-CP', 5, 15),
    ('INFORMATION', 'Cung cấp thông tin, tuyên truyền về chính sách và khuyến công', 'Khoản 6 Điều 4 Nghị định 45/2012/NĐ-CP', 6, 15),
    ('CLUSTER_DEVELOPMENT', 'Liên doanh liên kết, phát triển cụm công nghiệp, xử lý ô nhiễm môi trường', 'Khoản 7 Điều 4 Nghị định 45/2012/NĐ-CP', 7, 15),
    ('INTERNATIONAL_COOPERATION', 'Hợp tác quốc tế về khuyến công', 'Khoản 8 Điều 4 Nghị định 45/2012/NĐ-CP', 8, 15),
    ('PROMOTION_CAPACITY', 'Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công', 'Khoản 9 Điều 4 Nghị định 45/2012/NĐ-CP', 9, 15);

-- Article 10, Circular 36/2013/TT-BCT: the request letter and the project description; the rest by content.
insert into document_type (code, name) values
    ('REQUEST_LETTER', 'Công văn (đơn) đề nghị hỗ trợ'),
    ('PROJECT_DESCRIPTION', 'Đề án khuyến công'),
    ('DETAILED_BUDGET', 'Dự toán kinh phí chi tiết'),
    ('BUSINESS_REGISTRATION', 'Giấy chứng nhận đăng ký doanh nghiệp, hợp tác xã hoặc hộ kinh doanh'),
    ('SUPPLIER_QUOTES', 'Báo giá của nhà cung cấp máy móc, thiết bị'),
    ('COUNTERPART_COMMITMENT', 'Văn bản cam kết bố trí vốn đối ứng'),
    ('OTHER', 'Tài liệu khác');

-- Only the request letter is required for now; the full checklist per content is maintained by administrators.
insert into required_document (content_code, document_type)
    select code, 'REQUEST_LETTER' from support_content;

-- Public holidays (Labour Code 2019 Art. 112) as observed in 2026 and 2027.
insert into public_holiday (day, name) values
    ('2026-01-01', 'Tết Dương lịch'),
    ('2026-02-16', 'Tết Nguyên đán'), ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'),
    ('2026-02-19', 'Tết Nguyên đán'), ('2026-02-20', 'Tết Nguyên đán'),
    ('2026-04-27', 'Giỗ Tổ Hùng Vương'),
    ('2026-04-30', 'Ngày Chiến thắng'), ('2026-05-01', 'Ngày Quốc tế Lao động'),
    ('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh'),
    ('2027-01-01', 'Tết Dương lịch'),
    ('2027-02-05', 'Tết Nguyên đán'), ('2027-02-08', 'Tết Nguyên đán'), ('2027-02-09', 'Tết Nguyên đán'),
    ('2027-02-10', 'Tết Nguyên đán'), ('2027-02-11', 'Tết Nguyên đán'),
    ('2027-04-16', 'Giỗ Tổ Hùng Vương'),
    ('2027-04-30', 'Ngày Chiến thắng'), ('2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)'),
    ('2027-09-01', 'Quốc khánh'), ('2027-09-02', 'Quốc khánh');
