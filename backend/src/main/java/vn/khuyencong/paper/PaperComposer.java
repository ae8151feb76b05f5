package vn.khuyencong.paper;

import static vn.khuyencong.paper.PaperContent.bold;
import static vn.khuyencong.paper.PaperContent.field;
import static vn.khuyencong.paper.PaperContent.text;
import static vn.khuyencong.shared.Texts.vnd;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.khuyencong.catalog.Agency;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.DocumentType;
import vn.khuyencong.document.Documents;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierStatus;
import vn.khuyencong.identity.Contacts;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.HistoryEntry;
import vn.khuyencong.workflow.ProcessingRecords;

/**
 * Writes each paper's text from the dossier's data, in the wording of the forms of Circular 01/2018/TT-VPCP. Only
 * stored data is read (never the clock), so composing again gives the same content.
 */
@Component
class PaperComposer {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");
    static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final Catalog catalog;
    private final Contacts contacts;
    private final ProcessingRecords records;
    private final Documents documents;

    PaperComposer(Catalog catalog, Contacts contacts, ProcessingRecords records, Documents documents) {
        this.catalog = catalog;
        this.contacts = contacts;
        this.records = records;
        this.documents = documents;
    }

    /** The paper's code: its kind's prefix and ten characters derived from the dossier, the kind and the source. */
    static String code(PaperKind kind, UUID dossierId, String sourceKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((dossierId + "|" + kind + "|" + sourceKey).getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder(kind.prefix()).append('-');
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    code.append('-');
                }
                code.append(CROCKFORD.charAt((int) ((bits >>> (59 - 5 * i)) & 31)));
            }
            return code.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param source the history entry the paper records (for the process control slip: the latest one)
     * @param history the dossier's history up to and including {@code source}
     */
    PaperContent compose(
            PaperKind kind,
            String code,
            Dossier dossier,
            HistoryEntry source,
            List<HistoryEntry> history,
            String publicUrl) {
        Agency agency =
                catalog.agency(dossier.agencyCode()).orElse(new Agency(dossier.agencyCode(), dossier.agencyCode(), ""));
        String organisation =
                contacts.organisationName(dossier.organisationId()).orElse("");
        String content =
                catalog.content(dossier.contentCode()).map(c -> c.name()).orElse(dossier.contentCode());
        Instant issued = source.occurredAt();
        String place = (agency.province() == null || agency.province().isBlank() ? "" : agency.province() + ", ")
                + placeDate(issued);
        String actorName =
                contacts.account(source.actor()).map(c -> c.displayName()).orElse(source.actor());
        String request = "Hỗ trợ kinh phí khuyến công — " + content + ": " + dossier.title();
        List<PaperContent.Block> blocks = new ArrayList<>();
        String signerTitle;
        String signer;
        switch (kind) {
            case RECEIPT -> {
                boolean supplement = DossierEvent.RESUBMIT.name().equals(source.event());
                blocks.add(text(agency.name() + " tiếp nhận hồ sơ" + (supplement ? " bổ sung" : "") + " của:"));
                blocks.add(bold(organisation));
                blocks.add(field("Nội dung yêu cầu giải quyết", request));
                blocks.add(field("Mã hồ sơ", dossier.code()));
                blocks.add(field("Hình thức nộp", "trực tuyến, qua Khuyến công Online"));
                List<String> types = new ArrayList<>();
                for (String type : new TreeSet<>(documents.presentTypes(dossier.id()))) {
                    types.add(catalog.documentType(type).map(DocumentType::name).orElse(type));
                }
                blocks.add(text("Thành phần hồ sơ gồm:"));
                for (int i = 0; i < types.size(); i++) {
                    blocks.add(text("   " + (i + 1) + ". " + types.get(i)));
                }
                blocks.add(field("Thời gian nhận hồ sơ", time(issued)));
                blocks.add(field("Thời gian trả kết quả giải quyết hồ sơ", date(dossier.appointmentDate())));
                blocks.add(field(
                        "Nhận kết quả tại",
                        "Bộ phận Một cửa — " + agency.name() + ", và trực tuyến trên trang hồ sơ tại " + publicUrl));
                blocks.add(text("Tình trạng hồ sơ được tra cứu bằng mã hồ sơ tại " + publicUrl + "/tra-cuu."));
                signerTitle = "Người tiếp nhận hồ sơ";
                signer = "Hệ thống tiếp nhận trực tuyến";
            }
            case SUPPLEMENT_REQUEST -> {
                var supplement = records.supplementRequest(dossier.id()).orElse(null);
                blocks.add(text("Ngày " + date(dossier.submittedAt()) + ", " + agency.name() + " tiếp nhận hồ sơ của "
                        + organisation + "."));
                blocks.add(field("Nội dung yêu cầu giải quyết", request));
                blocks.add(field("Mã hồ sơ", dossier.code()));
                blocks.add(text("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:"));
                List<String> items = supplement == null ? List.of() : supplement.items();
                for (int i = 0; i < items.size(); i++) {
                    blocks.add(text("   " + (i + 1) + ". " + items.get(i)));
                }
                blocks.add(field("Lý do", supplement == null ? source.comment() : supplement.reasons()));
                blocks.add(text("Thời hạn giải quyết được tính lại từ đầu khi cơ quan nhận đủ hồ sơ bổ sung. "
                        + "Hồ sơ được bổ sung trực tuyến trên trang hồ sơ. Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, "
                        + "xin liên hệ " + actorName + " để được hướng dẫn."));
                signerTitle = "Người hướng dẫn";
                signer = actorName;
            }
            case REFUSAL -> {
                blocks.add(text(agency.name() + " tiếp nhận hồ sơ của " + organisation + "."));
                blocks.add(field("Nội dung yêu cầu giải quyết", request));
                blocks.add(field("Mã hồ sơ", dossier.code()));
                blocks.add(text("Sau khi xem xét, thẩm định, " + agency.name()
                        + " thông báo không giải quyết hồ sơ này với lý do như sau:"));
                blocks.add(bold(source.comment() == null ? "" : source.comment()));
                blocks.add(text("Xin thông báo để " + organisation + " được biết và thực hiện."));
                signerTitle = source.actorRole() != null && source.actorRole().equals("APPROVER")
                        ? "Người có thẩm quyền"
                        : "Cán bộ thẩm định";
                signer = actorName;
            }
            case APOLOGY -> {
                String comment = source.comment() == null ? "" : source.comment();
                int colon = comment.indexOf(": ");
                String reason = colon > 0 ? comment.substring(colon + 2) : comment;
                String newDate = colon > 0 ? dateText(comment.substring(0, colon)) : date(dossier.appointmentDate());
                blocks.add(text(agency.name() + " tiếp nhận hồ sơ của " + organisation + " lúc "
                        + time(dossier.submittedAt()) + "."));
                blocks.add(field("Nội dung yêu cầu giải quyết", request));
                blocks.add(field("Mã hồ sơ", dossier.code()));
                blocks.add(text(
                        "Tuy nhiên đến nay, " + agency.name() + " chưa trả kết quả giải quyết hồ sơ đúng hẹn. Lý do:"));
                blocks.add(bold(reason));
                blocks.add(text("Sự chậm trễ này đã gây phiền hà cho " + organisation + ". " + agency.name()
                        + " xin lỗi và hẹn trả kết quả vào ngày " + newDate + "."));
                blocks.add(text("Xin trân trọng cảm ơn."));
                signerTitle = "Đại diện cơ quan giải quyết";
                signer = actorName;
            }
            case PROCESS_CONTROL -> {
                blocks.add(field("Tổ chức nộp hồ sơ", organisation));
                blocks.add(field("Nội dung yêu cầu giải quyết", request));
                blocks.add(field("Mã hồ sơ", dossier.code()));
                blocks.add(field("Thời gian nhận hồ sơ", time(dossier.submittedAt())));
                blocks.add(field("Thời gian trả kết quả", date(dossier.appointmentDate())));
                blocks.add(
                        field("Tình trạng tại thời điểm lập phiếu", source.to().label()));
                List<List<String>> rows = new ArrayList<>();
                int step = 0;
                for (HistoryEntry entry : history) {
                    step++;
                    String who = contacts.account(entry.actor())
                            .map(c -> c.displayName())
                            .orElse(entry.actor());
                    rows.add(List.of(
                            String.valueOf(step),
                            stepName(entry),
                            who + " (" + roleName(entry.actorRole()) + ")",
                            SHORT_TIME.format(entry.occurredAt().atZone(VietnamTime.ZONE)),
                            entry.to().label(),
                            punctuality(entry, dossier)));
                }
                blocks.add(new PaperContent.Table(
                        List.of("TT", "Bước xử lý", "Người thực hiện", "Thời gian", "Kết quả", "Đúng hạn / quá hạn"),
                        List.of(0.5f, 2.2f, 2.2f, 1.5f, 1.8f, 1.3f),
                        rows));
                signerTitle = "Người lập phiếu";
                signer = "Hệ thống thông tin một cửa điện tử";
            }
            case DECISION -> {
                var decision = records.decision(dossier.id()).orElseThrow();
                blocks.add(field("Số quyết định", decision.decisionNumber()));
                blocks.add(bold("Về việc phê duyệt hỗ trợ kinh phí khuyến công"));
                blocks.add(
                        text(
                                "Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21/5/2012 của Chính phủ về khuyến công và các văn bản hướng dẫn;"));
                blocks.add(text("Căn cứ hồ sơ đề nghị hỗ trợ mã " + dossier.code() + " của " + organisation
                        + ", nộp trực tuyến ngày " + date(dossier.submittedAt()) + ";"));
                records.latestReview(dossier.id())
                        .ifPresent(review -> blocks.add(text("Xét kết quả thẩm định (tổng điểm " + review.totalScore()
                                + ", kinh phí đề xuất " + vnd(review.recommendedAmount()) + ");")));
                blocks.add(bold("QUYẾT ĐỊNH:"));
                blocks.add(text("Điều 1. Phê duyệt hỗ trợ kinh phí khuyến công cho " + organisation
                        + " để thực hiện đề án \"" + dossier.title() + "\", thuộc nội dung " + content + "."));
                blocks.add(field("Kinh phí hỗ trợ", vnd(decision.approvedAmount())));
                if (dossier.startsOn() != null && dossier.endsOn() != null) {
                    blocks.add(field(
                            "Thời gian thực hiện",
                            "từ ngày " + date(dossier.startsOn()) + " đến ngày " + date(dossier.endsOn())));
                }
                blocks.add(
                        text(
                                "Điều 2. " + organisation
                                        + " có trách nhiệm thực hiện đề án đúng nội dung, tiến độ được phê duyệt; báo cáo tiến độ hằng tháng "
                                        + "kèm tài liệu chứng minh; chịu sự kiểm tra, giám sát của cơ quan quản lý và lập hồ sơ nghiệm thu khi hoàn thành."));
                blocks.add(text("Điều 3. Quyết định này có hiệu lực kể từ ngày ký."));
                signerTitle = "Người phê duyệt";
                signer = contacts.account(decision.decidedBy())
                        .map(c -> c.displayName())
                        .orElse(decision.decidedBy());
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return new PaperContent(kind, code, dossier.code(), issued, agency.name(), place, blocks, signerTitle, signer);
    }

    private static String stepName(HistoryEntry entry) {
        return switch (entry.event()) {
            case "SUBMIT" -> "Nộp và tiếp nhận hồ sơ";
            case "START_REVIEW" -> "Chuyển thẩm định";
            case "ASSIGN" -> "Giao cán bộ thẩm định";
            case "REQUEST_SUPPLEMENT" -> "Yêu cầu bổ sung hồ sơ";
            case "RESUBMIT" -> "Nhận hồ sơ bổ sung";
            case "RECOMMEND" -> "Thẩm định, đề xuất";
            case "RETURN" -> "Trả lại để thẩm định lại";
            case "APPROVE" -> "Phê duyệt";
            case "REJECT" -> "Từ chối giải quyết";
            case "RESCHEDULE" -> "Xin lỗi và hẹn lại ngày trả kết quả";
            case "START_MONITORING" -> "Bắt đầu giám sát";
            case "ACCEPT" -> "Nghiệm thu";
            case "TERMINATE" -> "Dừng thực hiện";
            case "WITHDRAW" -> "Rút hồ sơ";
            case "PLAN_FILED" -> "Lập kế hoạch thực hiện";
            case "PROGRESS_REPORTED" -> "Báo cáo tiến độ";
            case "REPORT_OVERDUE" -> "Quá hạn báo cáo tiến độ";
            case "INSPECTED" -> "Kiểm tra hiện trường";
            case "ADVANCE_RECORDED" -> "Tạm ứng kinh phí";
            case "PAYMENT_RECORDED" -> "Thanh toán kinh phí";
            case "CHANGE_REQUESTED" -> "Đề nghị điều chỉnh";
            case "CHANGE_APPROVED" -> "Chấp thuận điều chỉnh";
            case "CHANGE_REFUSED" -> "Không chấp thuận điều chỉnh";
            case "ACCEPTANCE_RECORDED" -> "Lập biên bản nghiệm thu";
            default -> entry.event();
        };
    }

    private static String roleName(String role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "ENTERPRISE" -> "tổ chức";
            case "REVIEWER" -> "thẩm định";
            case "APPROVER" -> "phê duyệt";
            case "MONITOR" -> "giám sát";
            case "ADMIN" -> "quản trị";
            default -> role;
        };
    }

    /** A step of the officers is on time when done by the appointment date; the enterprise's steps have none. */
    private static String punctuality(HistoryEntry entry, Dossier dossier) {
        if ("ENTERPRISE".equals(entry.actorRole())
                || dossier.appointmentDate() == null
                || entry.from() == DossierStatus.DRAFT) {
            return "—";
        }
        LocalDate day = entry.occurredAt().atZone(VietnamTime.ZONE).toLocalDate();
        return day.isAfter(dossier.appointmentDate()) ? "Quá hạn" : "Đúng hạn";
    }

    static String placeDate(Instant instant) {
        ZonedDateTime t = instant.atZone(VietnamTime.ZONE);
        return "ngày %02d tháng %02d năm %d".formatted(t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(VietnamTime.ZONE));
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(VietnamTime.ZONE));
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String dateText(String iso) {
        try {
            return date(LocalDate.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
