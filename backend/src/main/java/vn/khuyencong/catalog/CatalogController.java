package vn.khuyencong.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.shared.VietnamTime;

@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Danh mục", description = "Nội dung khuyến công, biểu mẫu, mức hỗ trợ, đợt tiếp nhận, địa bàn, ngày nghỉ")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record KindWithCap(SupportKind kind, SupportCap currentCap) {}

    /** Everything the form of one content needs. */
    record ContentDetail(
            SupportContent content,
            List<KindWithCap> supportKinds,
            List<ContentField> fields,
            Set<String> requiredDocumentTypes,
            int priorityAreaCapPercent) {}

    @GetMapping("/contents")
    @Operation(summary = "Các nội dung hoạt động khuyến công")
    List<SupportContent> contents() {
        return catalog.contents();
    }

    @GetMapping("/contents/{contentCode}")
    @Operation(summary = "Biểu mẫu của một nội dung: loại hỗ trợ và mức trần, câu hỏi, giấy tờ bắt buộc")
    ContentDetail content(@PathVariable String contentCode) {
        String code = contentCode;
        SupportContent content = catalog.content(code)
                .orElseThrow(() -> ProblemException.notFound("Không có nội dung khuyến công này trong danh mục."));
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        List<KindWithCap> kinds = catalog.supportKinds(code).stream()
                .map(kind ->
                        new KindWithCap(kind, catalog.cap(kind.code(), today).orElse(null)))
                .toList();
        return new ContentDetail(
                content,
                kinds,
                catalog.fields(code),
                catalog.requiredDocumentTypes(code),
                catalog.priorityAreaCapPercent());
    }

    @GetMapping("/document-types")
    @Operation(summary = "Các loại giấy tờ trong hồ sơ")
    List<DocumentType> documentTypes() {
        return catalog.documentTypes();
    }

    @GetMapping("/agencies")
    @Operation(summary = "Các cơ quan tiếp nhận, giải quyết hồ sơ")
    List<Agency> agencies() {
        return catalog.agencies();
    }

    @GetMapping("/funding-calls")
    @Operation(summary = "Các đợt tiếp nhận hồ sơ theo chương trình và năm")
    List<FundingCall> fundingCalls() {
        return catalog.fundingCalls();
    }

    @GetMapping("/communes")
    @Operation(summary = "Các xã, phường (sau sắp xếp năm 2025), có đánh dấu địa bàn ưu tiên")
    List<AdministrativeUnit> communes() {
        return catalog.communes();
    }

    @GetMapping("/review-criteria")
    @Operation(summary = "Các tiêu chí của phiếu thẩm định")
    List<ReviewCriterion> reviewCriteria() {
        return catalog.reviewCriteria();
    }

    @GetMapping("/holidays")
    @Operation(summary = "Các ngày nghỉ lễ, tết (không tính là ngày làm việc)")
    List<Holiday> holidays() {
        return catalog.holidays();
    }
}
