package vn.khuyencong.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Danh mục", description = "Nội dung khuyến công, loại giấy tờ, cơ quan tiếp nhận")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/contents")
    @Operation(summary = "Các nội dung hoạt động khuyến công")
    List<SupportContent> contents() {
        return catalog.contents();
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
}
