package vn.khuyencong.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.ProblemException;

/** The administrator keeps the catalogue: the law changes, the data follows without a release. */
@RestController
@RequestMapping("/api/v1/admin/catalog")
@Tag(name = "Quản trị danh mục", description = "Quản trị viên cập nhật danh mục theo văn bản pháp luật mới")
class CatalogAdministration {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final WorkingDays workingDays;

    CatalogAdministration(JdbcClient jdbc, Catalog catalog, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.workingDays = workingDays;
    }

    record ContentUpdate(
            @NotBlank(message = "Vui lòng nhập tên nội dung.") String name,

            @NotBlank(message = "Vui lòng nhập căn cứ pháp lý.") String legalBasis,

            @NotNull(message = "Vui lòng nhập thời hạn giải quyết.") @Min(value = 1, message = "Thời hạn giải quyết ít nhất 1 ngày làm việc.") @Max(value = 365, message = "Thời hạn giải quyết không quá 365 ngày làm việc.") Integer processingDays) {}

    @PutMapping("/contents/{contentCode}")
    @Operation(summary = "Sửa tên, căn cứ pháp lý, thời hạn giải quyết của một nội dung")
    SupportContent updateContent(
            @PathVariable("contentCode") String code, @Valid @RequestBody ContentUpdate update, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        int updated = jdbc.sql(
                        "update support_content set name = ?, legal_basis = ?, processing_days = ? where code = ?")
                .params(update.name().strip(), update.legalBasis().strip(), update.processingDays(), code)
                .update();
        if (updated == 0) {
            throw ProblemException.notFound("Không có nội dung khuyến công này trong danh mục.");
        }
        return catalog.content(code).orElseThrow();
    }

    record RequiredDocuments(
            @NotNull(message = "Vui lòng chọn các loại giấy tờ.") Set<String> documentTypes) {}

    @PutMapping("/contents/{contentCode}/required-documents")
    @Operation(summary = "Đặt danh sách giấy tờ bắt buộc của một nội dung")
    @Transactional
    Set<String> updateRequiredDocuments(
            @PathVariable("contentCode") String code, @Valid @RequestBody RequiredDocuments body, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        catalog.content(code)
                .orElseThrow(() -> ProblemException.notFound("Không có nội dung khuyến công này trong danh mục."));
        for (String type : body.documentTypes()) {
            if (catalog.documentType(type).isEmpty()) {
                throw ProblemException.invalidField(
                        "documentTypes", "Loại giấy tờ \"" + type + "\" không có trong danh mục.");
            }
        }
        jdbc.sql("delete from required_document where content_code = ?")
                .param(code)
                .update();
        body.documentTypes()
                .forEach(type -> jdbc.sql("insert into required_document (content_code, document_type) values (?, ?)")
                        .params(code, type)
                        .update());
        return catalog.requiredDocumentTypes(code);
    }

    record NewCap(
            @NotBlank(message = "Vui lòng chọn loại hỗ trợ.") String kindCode,

            @NotNull(message = "Vui lòng nhập ngày hiệu lực.") LocalDate effectiveFrom,

            LocalDate effectiveTo,

            @NotNull(message = "Vui lòng nhập tỷ lệ hỗ trợ tối đa.") @Min(value = 1, message = "Tỷ lệ từ 1 đến 100%.") @Max(value = 100, message = "Tỷ lệ từ 1 đến 100%.") Integer maxPercent,

            @Positive(message = "Mức hỗ trợ tối đa phải lớn hơn 0.") Long maxAmount) {}

    /**
     * A new cap from a date: the cap in force until then is closed the day before, so exactly one applies on
     * any day and dossiers keep the cap of the day they were judged.
     */
    @PostMapping("/support-caps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm mức hỗ trợ tối đa có hiệu lực từ một ngày")
    @Transactional
    ResponseEntity<List<SupportCap>> addCap(@Valid @RequestBody NewCap cap, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        if (catalog.supportKind(cap.kindCode()).isEmpty()) {
            throw ProblemException.invalidField("kindCode", "Loại hỗ trợ không có trong danh mục.");
        }
        if (cap.effectiveTo() != null && cap.effectiveTo().isBefore(cap.effectiveFrom())) {
            throw ProblemException.invalidField("effectiveTo", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
        }
        jdbc.sql("""
                update support_cap set effective_to = ? where kind_code = ? and effective_from < ?
                  and (effective_to is null or effective_to >= ?)""")
                .params(cap.effectiveFrom().minusDays(1), cap.kindCode(), cap.effectiveFrom(), cap.effectiveFrom())
                .update();
        try {
            jdbc.sql(
                            "insert into support_cap (kind_code, effective_from, effective_to, max_percent, max_amount) values (?, ?, ?, ?, ?)")
                    .params(cap.kindCode(), cap.effectiveFrom(), cap.effectiveTo(), cap.maxPercent(), cap.maxAmount())
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalidField("effectiveFrom", "Đã có mức hỗ trợ có hiệu lực từ ngày này.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(catalog.caps(cap.kindCode()));
    }

    record Setting(
            @NotNull(message = "Vui lòng nhập giá trị.") @Min(value = 100, message = "Từ 100 đến 300%.") @Max(value = 300, message = "Từ 100 đến 300%.") Integer value) {}

    @PutMapping("/settings/priority-area-cap-percent")
    @Operation(summary = "Hệ số nâng mức hỗ trợ cho địa bàn ưu tiên (phần trăm, 150 = 1,5 lần)")
    Setting priorityPercent(@Valid @RequestBody Setting setting, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        jdbc.sql(
                        "insert into catalog_setting (key, value) values ('priority-area-cap-percent', ?) on conflict (key) do update set value = excluded.value")
                .param(String.valueOf(setting.value()))
                .update();
        return setting;
    }

    record NewHoliday(
            @NotNull(message = "Vui lòng nhập ngày nghỉ.") LocalDate day,

            @NotBlank(message = "Vui lòng nhập tên ngày nghỉ.") String name) {}

    @PostMapping("/holidays")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm ngày nghỉ lễ, tết")
    ResponseEntity<Holiday> addHoliday(@Valid @RequestBody NewHoliday holiday, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        int inserted = jdbc.sql("insert into public_holiday (day, name) values (?, ?) on conflict do nothing")
                .params(holiday.day(), holiday.name().strip())
                .update();
        if (inserted == 0) {
            throw ProblemException.invalidField("day", "Ngày này đã có trong lịch nghỉ.");
        }
        workingDays.invalidate();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Holiday(holiday.day(), holiday.name().strip()));
    }

    @DeleteMapping("/holidays/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Xoá một ngày nghỉ")
    ResponseEntity<Void> removeHoliday(@PathVariable LocalDate day, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        if (jdbc.sql("delete from public_holiday where day = ?").param(day).update() == 0) {
            throw ProblemException.notFound("Không có ngày nghỉ này trong lịch.");
        }
        workingDays.invalidate();
        return ResponseEntity.noContent().build();
    }

    record NewCall(
            @NotNull(message = "Vui lòng chọn chương trình.") @Pattern(regexp = "NATIONAL|LOCAL", message = "Chương trình là NATIONAL hoặc LOCAL.") String programme,

            @NotNull(message = "Vui lòng nhập năm kế hoạch.") @Min(value = 2012, message = "Năm không hợp lệ.") @Max(value = 2100, message = "Năm không hợp lệ.") Integer year,

            @NotBlank(message = "Vui lòng nhập tên đợt.") String name,

            @NotBlank(message = "Vui lòng chọn cơ quan tiếp nhận.") String agencyCode,

            @NotNull(message = "Vui lòng nhập ngày mở.") LocalDate opensOn,
            @NotNull(message = "Vui lòng nhập ngày đóng.") LocalDate closesOn) {}

    @PostMapping("/funding-calls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mở một đợt tiếp nhận hồ sơ")
    ResponseEntity<FundingCall> addCall(@Valid @RequestBody NewCall call, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        if (catalog.agency(call.agencyCode()).isEmpty()) {
            throw ProblemException.invalidField("agencyCode", "Cơ quan không có trong danh mục.");
        }
        if (call.closesOn().isBefore(call.opensOn())) {
            throw ProblemException.invalidField("closesOn", "Ngày đóng phải sau ngày mở.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into funding_call (id, programme, year, name, agency_code, opens_on, closes_on) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        call.programme(),
                        call.year(),
                        call.name().strip(),
                        call.agencyCode(),
                        call.opensOn(),
                        call.closesOn())
                .update();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(catalog.fundingCall(id).orElseThrow());
    }

    record AgencyUpdate(
            @NotBlank(message = "Vui lòng nhập tên cơ quan.") String name,

            @NotBlank(message = "Vui lòng nhập tỉnh.") String province,
            boolean active) {}

    @PutMapping("/agencies/{agencyCode}")
    @Operation(summary = "Thêm hoặc sửa một cơ quan (mã theo Thông tư 10/2016/TT-BTTTT)")
    Agency putAgency(
            @PathVariable("agencyCode") String code, @Valid @RequestBody AgencyUpdate agency, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        if (!code.matches("[0-9A-Z.]{3,40}")) {
            throw ProblemException.invalidField("code", "Mã cơ quan chỉ gồm chữ hoa, chữ số và dấu chấm.");
        }
        jdbc.sql("""
                insert into agency (code, name, province, active) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, province = excluded.province, active = excluded.active""")
                .params(code, agency.name().strip(), agency.province().strip(), agency.active())
                .update();
        return catalog.agency(code).orElseThrow();
    }

    record CommuneUpdate(
            @NotBlank(message = "Vui lòng nhập tên xã, phường.") String name,

            @NotBlank(message = "Vui lòng chọn tỉnh.") String provinceCode,
            boolean priorityArea) {}

    @PutMapping("/communes/{communeCode}")
    @Operation(summary = "Thêm hoặc sửa một xã, phường và địa bàn ưu tiên")
    AdministrativeUnit putCommune(
            @PathVariable("communeCode") String code, @Valid @RequestBody CommuneUpdate commune, CurrentUser user) {
        user.requireAny(Role.ADMIN);
        if (!code.matches("\\d{5}")) {
            throw ProblemException.invalidField("code", "Mã xã, phường gồm 5 chữ số.");
        }
        boolean province = jdbc.sql("select count(*) from administrative_unit where code = ? and level = 'PROVINCE'")
                        .param(commune.provinceCode())
                        .query(Integer.class)
                        .single()
                == 1;
        if (!province) {
            throw ProblemException.invalidField("provinceCode", "Tỉnh không có trong danh mục.");
        }
        jdbc.sql("""
                insert into administrative_unit (code, name, level, parent_code, priority_area) values (?, ?, 'COMMUNE', ?, ?)
                on conflict (code) do update set name = excluded.name, parent_code = excluded.parent_code,
                    priority_area = excluded.priority_area""")
                .params(code, commune.name().strip(), commune.provinceCode(), commune.priorityArea())
                .update();
        return catalog.commune(code).orElseThrow();
    }

    record NewField(
            @NotBlank(message = "Vui lòng nhập mã câu hỏi.") @Pattern(regexp = "[a-z][a-zA-Z0-9]*", message = "Mã câu hỏi viết liền, bắt đầu bằng chữ thường.") String key,

            @NotBlank(message = "Vui lòng nhập nội dung câu hỏi.") String label,

            @NotNull(message = "Vui lòng chọn kiểu dữ liệu.") ContentField.FieldType type,

            boolean required,
            Long min,
            Long max,
            String help,
            @NotNull(message = "Vui lòng nhập thứ tự.") Integer sortOrder) {}

    @PutMapping("/contents/{contentCode}/fields")
    @Operation(summary = "Đặt các câu hỏi riêng của một nội dung")
    @Transactional
    List<ContentField> putFields(
            @PathVariable("contentCode") String code,
            @RequestBody @NotEmpty List<@Valid NewField> fields,
            CurrentUser user) {
        user.requireAny(Role.ADMIN);
        catalog.content(code)
                .orElseThrow(() -> ProblemException.notFound("Không có nội dung khuyến công này trong danh mục."));
        jdbc.sql("delete from content_field where content_code = ?").param(code).update();
        for (NewField f : fields) {
            jdbc.sql("""
                    insert into content_field (content_code, field_key, label, field_type, required, min_value, max_value, help, sort_order)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            code,
                            f.key(),
                            f.label().strip(),
                            f.type().name(),
                            f.required(),
                            f.min(),
                            f.max(),
                            f.help(),
                            f.sortOrder())
                    .update();
        }
        return catalog.fields(code);
    }
}
