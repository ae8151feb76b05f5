package vn.khuyencong.monitoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the enterprise and the officers fill in during monitoring. Money is whole VND. */
final class MonitoringForms {

    /** As for dossiers: far above any project, low enough to keep sums exact. */
    static final long MAX_MONEY = 1_000_000_000_000L;

    private MonitoringForms() {}

    record Plan(
            @NotNull(message = "Vui lòng nhập các mốc thực hiện.") @Size(min = 1, max = 50, message = "Kế hoạch có từ 1 đến 50 mốc.") List<@NotNull(message = "Vui lòng nhập mốc.") @Valid Milestone> milestones) {}

    record Milestone(
            @NotBlank(message = "Vui lòng nhập tên mốc.") @Size(max = 500, message = "Tên mốc không quá 500 ký tự.") String title,

            @NotNull(message = "Vui lòng nhập ngày hoàn thành.") LocalDate dueOn,

            @NotBlank(message = "Vui lòng nêu kết quả cam kết.") @Size(max = 4000, message = "Kết quả cam kết không quá 4000 ký tự.") String promisedOutcome) {}

    record Report(
            @NotNull(message = "Vui lòng chọn kỳ báo cáo.") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "Kỳ báo cáo có dạng NNNN-TT, ví dụ 2027-03.")
            String period,

            @NotNull(message = "Vui lòng nhập tiến độ từng mốc.") @Size(max = 50, message = "Không quá 50 mốc.") List<@NotNull(message = "Vui lòng nhập tiến độ.") @Valid MilestoneProgress> milestones,

            @NotNull(message = "Vui lòng nhập giá trị khối lượng đã thực hiện.") @PositiveOrZero(message = "Số tiền không được âm.") @Max(value = MAX_MONEY, message = "Số tiền vượt quá giới hạn.") Long spentAmount,

            @NotNull(message = "Vui lòng nhập vốn đối ứng đã đầu tư.") @PositiveOrZero(message = "Số tiền không được âm.") @Max(value = MAX_MONEY, message = "Số tiền vượt quá giới hạn.") Long counterpartInvested,

            @Size(max = 4000, message = "Ghi chú không quá 4000 ký tự.") String note,

            @Size(max = 50, message = "Không quá 50 tài liệu.") List<@NotNull(message = "Mã tài liệu trống.") UUID> evidenceDocumentIds) {}

    record MilestoneProgress(
            @NotNull(message = "Vui lòng chọn mốc.") Long milestoneId,

            @NotNull(message = "Vui lòng nhập phần trăm hoàn thành.") @Min(value = 0, message = "Từ 0 đến 100.") @Max(value = 100, message = "Từ 0 đến 100.") Integer percentDone,

            @Size(max = 2000, message = "Ghi chú không quá 2000 ký tự.") String note) {}

    record Inspection(
            @NotNull(message = "Vui lòng nhập ngày kiểm tra.") LocalDate inspectedOn,

            @NotBlank(message = "Vui lòng ghi nhận xét, phát hiện.") @Size(max = 8000, message = "Không quá 8000 ký tự.") String findings,

            @NotBlank(message = "Vui lòng ghi kết luận.") @Size(max = 4000, message = "Không quá 4000 ký tự.") String conclusion,

            @Size(max = 4000, message = "Không quá 4000 ký tự.") String correctiveAction,

            LocalDate correctiveDueOn,

            @Size(max = 50, message = "Không quá 50 ảnh.") List<@NotNull(message = "Mã tài liệu trống.") UUID> photoDocumentIds) {}

    enum DisbursementKind {
        /** Tạm ứng: limited by the advance rule of the kind of support. */
        ADVANCE,
        /** Thanh toán theo khối lượng hoàn thành. */
        PAYMENT
    }

    record Disbursement(
            @NotNull(message = "Vui lòng chọn tạm ứng hoặc thanh toán.") DisbursementKind kind,

            @NotNull(message = "Vui lòng nhập số tiền.") @Positive(message = "Số tiền phải lớn hơn 0.") @Max(value = MAX_MONEY, message = "Số tiền vượt quá giới hạn.") Long amount,

            @NotNull(message = "Vui lòng nhập ngày chi.") LocalDate paidOn,

            @NotBlank(message = "Vui lòng nhập số chứng từ.") @Size(max = 200, message = "Số chứng từ không quá 200 ký tự.") String reference) {}

    enum ChangeKind {
        BUDGET,
        CONTENT,
        SITE,
        TIMELINE
    }

    record ChangeRequest(
            @NotNull(message = "Vui lòng chọn loại điều chỉnh.") ChangeKind kind,

            @NotBlank(message = "Vui lòng nêu lý do điều chỉnh.") @Size(max = 4000, message = "Lý do không quá 4000 ký tự.") String reason,

            @PositiveOrZero(message = "Số tiền không được âm.") @Max(value = MAX_MONEY, message = "Số tiền vượt quá giới hạn.") Long proposedAmount,

            LocalDate proposedEndsOn,
            @Size(max = 20, message = "Mã xã không hợp lệ.") String proposedCommuneCode,

            @Size(max = 4000, message = "Nội dung không quá 4000 ký tự.") String proposedContent) {}

    record Decision(
            @NotNull(message = "Vui lòng chọn chấp thuận hoặc không chấp thuận.") Boolean approved,

            @Size(max = 4000, message = "Ý kiến không quá 4000 ký tự.") String comment) {}

    record Acceptance(
            @NotNull(message = "Vui lòng nhập ngày nghiệm thu.") LocalDate acceptedOn,

            @NotNull(message = "Vui lòng nhập kết quả đạt được.") @Valid Outcomes outcomes,

            @NotNull(message = "Vui lòng nhập vốn đối ứng đã thực hiện.") @PositiveOrZero(message = "Số tiền không được âm.") @Max(value = MAX_MONEY, message = "Số tiền vượt quá giới hạn.") Long counterpartRealised,

            @NotBlank(message = "Vui lòng ghi kết luận nghiệm thu.") @Size(max = 8000, message = "Không quá 8000 ký tự.") String conclusion) {}

    /** Achieved outcomes; 0 where the content has none of them. */
    record Outcomes(
            @NotNull(message = "Vui lòng nhập số lao động được đào tạo.") @Min(value = 0, message = "Không được âm.") @Max(value = 1_000_000, message = "Quá lớn.") Integer workersTrained,

            @NotNull(message = "Vui lòng nhập số máy móc đã lắp đặt.") @Min(value = 0, message = "Không được âm.") @Max(value = 100_000, message = "Quá lớn.") Integer machinesInstalled,

            @NotNull(message = "Vui lòng nhập số máy móc đang hoạt động.") @Min(value = 0, message = "Không được âm.") @Max(value = 100_000, message = "Quá lớn.") Integer machinesWorking,

            @NotNull(message = "Vui lòng nhập số sản phẩm.") @Min(value = 0, message = "Không được âm.") @Max(value = 1_000_000, message = "Quá lớn.") Integer products,

            @NotNull(message = "Vui lòng nhập số hội chợ đã tham gia.") @Min(value = 0, message = "Không được âm.") @Max(value = 10_000, message = "Quá lớn.") Integer fairsAttended) {}
}
