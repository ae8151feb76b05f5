package vn.khuyencong.dossier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What an enterprise fills in. A draft may be incomplete: types and ranges are checked at every save, the
 * completeness of the form when the dossier is submitted. Money is whole VND.
 */
public record DossierForm(
        @NotBlank(message = "Vui lòng nhập tên đề án.") @Size(max = 500, message = "Tên đề án không quá 500 ký tự.") String title,

        @NotBlank(message = "Vui lòng chọn nội dung khuyến công.") String contentCode,

        @NotNull(message = "Vui lòng chọn chương trình khuyến công.") Programme programme,

        UUID fundingCallId,
        String supportKind,
        String communeCode,

        @PositiveOrZero(message = "Tổng kinh phí không được âm.") @Max(value = MAX_MONEY, message = "Tổng kinh phí vượt quá giới hạn.") Long totalBudget,

        @PositiveOrZero(message = "Kinh phí đề nghị hỗ trợ không được âm.") @Max(value = MAX_MONEY, message = "Kinh phí đề nghị hỗ trợ vượt quá giới hạn.") Long requestedSupport,

        @PositiveOrZero(message = "Vốn đối ứng không được âm.") @Max(value = MAX_MONEY, message = "Vốn đối ứng vượt quá giới hạn.") Long counterpartFunds,

        LocalDate startsOn,
        LocalDate endsOn,

        @Size(max = 4000, message = "Kết quả dự kiến không quá 4000 ký tự.") String expectedOutcomes,

        Map<String, Object> answers) {

    /** One thousand billion VND: far above any khuyến công project, low enough to keep sums exact. */
    public static final long MAX_MONEY = 1_000_000_000_000L;
}
