package vn.khuyencong.notification;

import static vn.khuyencong.identity.Role.APPROVER;
import static vn.khuyencong.identity.Role.MONITOR;
import static vn.khuyencong.identity.Role.REVIEWER;
import static vn.khuyencong.shared.Texts.vnd;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.Contacts;
import vn.khuyencong.identity.Contacts.Contact;
import vn.khuyencong.identity.Role;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierHistory;
import vn.khuyencong.workflow.DossierTransitioned;
import vn.khuyencong.workflow.HistoryEntry;
import vn.khuyencong.workflow.ProcessingRecords;

/**
 * Turns each transition into its notices, inside the transition's own transaction (a plain, synchronous listener):
 * the notices and mails are committed with the state change or not at all. The enterprise hears of every change
 * of state and of a new appointment date; officers hear when a dossier arrives in their queue.
 */
@Component
class TransitionNotifier {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Dossiers dossiers;
    private final DossierHistory history;
    private final ProcessingRecords records;
    private final Contacts contacts;
    private final Outbox outbox;

    TransitionNotifier(
            Dossiers dossiers, DossierHistory history, ProcessingRecords records, Contacts contacts, Outbox outbox) {
        this.dossiers = dossiers;
        this.history = history;
        this.records = records;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    @EventListener
    void on(DossierTransitioned event) {
        Dossier dossier = dossiers.find(event.dossierId()).orElseThrow();
        // the row the transition has just written, in this transaction
        HistoryEntry entry = history.latest(dossier.id()).orElseThrow();
        // the key names the transition: the dossier's version after it is unique to it
        String transition = "dossier:" + dossier.id() + ":v" + dossier.version() + ":" + event.event();
        for (Notice notice : notices(event, dossier, entry, transition)) {
            outbox.write(notice);
        }
    }

    List<Notice> notices(DossierTransitioned event, Dossier dossier, HistoryEntry entry, String transition) {
        List<Notice> notices = new ArrayList<>();
        String name = name(dossier);
        String kind = event.event().name();
        // the enterprise: every change of state, and the apology with the new date
        if (event.from() != event.to() || event.event() == DossierEvent.RESCHEDULE) {
            Text text = enterpriseText(event, dossier, entry);
            if (text != null) {
                for (Contact contact : contacts.ofOrganisation(dossier.organisationId())) {
                    notices.add(new Notice(
                            transition + ":" + contact.username(),
                            contact,
                            kind,
                            dossier.id(),
                            dossier.code(),
                            text.title(),
                            text.body()));
                }
            }
        }
        // officers: a dossier arriving in their queue
        List<Contact> officers = new ArrayList<>();
        String title = null;
        String body = null;
        switch (event.event()) {
            case SUBMIT -> {
                officers.addAll(assignedOr(dossier, REVIEWER));
                title = "Hồ sơ mới " + dossier.code() + " chờ tiếp nhận";
                body = "Hồ sơ " + name + " đã được nộp trực tuyến, hạn trả kết quả ngày "
                        + date(dossier.appointmentDate()) + ".";
            }
            case RESUBMIT -> {
                officers.addAll(assignedOr(dossier, REVIEWER));
                title = "Hồ sơ " + dossier.code() + " đã được bổ sung";
                body = "Tổ chức đã bổ sung hồ sơ " + name + ". Thời hạn giải quyết được tính lại, hạn mới ngày "
                        + date(dossier.appointmentDate()) + ".";
            }
            case ASSIGN -> {
                contacts.account(dossier.assignedReviewer()).ifPresent(officers::add);
                title = "Bạn được giao thẩm định hồ sơ " + dossier.code();
                body = "Hồ sơ " + name + " đã được giao cho bạn thẩm định, hạn trả kết quả ngày "
                        + date(dossier.appointmentDate()) + ".";
            }
            case RECOMMEND -> {
                officers.addAll(contacts.officers(dossier.agencyCode(), APPROVER));
                title = "Hồ sơ " + dossier.code() + " chờ phê duyệt";
                body = "Hồ sơ " + name + " đã được thẩm định và đề xuất hỗ trợ, hạn trả kết quả ngày "
                        + date(dossier.appointmentDate()) + ".";
            }
            case RETURN -> {
                officers.addAll(assignedOr(dossier, REVIEWER));
                title = "Hồ sơ " + dossier.code() + " được trả lại để thẩm định lại";
                body = "Lãnh đạo trả lại hồ sơ " + name + ". Lý do: " + reason(entry);
            }
            case APPROVE -> {
                officers.addAll(contacts.officers(dossier.agencyCode(), MONITOR));
                title = "Hồ sơ " + dossier.code() + " đã được phê duyệt, chờ giám sát";
                body = "Đề án " + name + " đã được phê duyệt. Vui lòng lập kế hoạch kiểm tra, giám sát thực hiện.";
            }
            default -> {}
        }
        for (Contact officer : officers) {
            if (officer.username().equals(event.actor())) {
                continue; // nobody is told of what they just did themselves
            }
            notices.add(new Notice(
                    transition + ":" + officer.username(),
                    officer,
                    "QUEUE_" + kind,
                    dossier.id(),
                    dossier.code(),
                    title,
                    body));
        }
        return notices;
    }

    record Text(String title, String body) {}

    /** What the enterprise is told, in the words of the one-stop forms. */
    Text enterpriseText(DossierTransitioned event, Dossier dossier, HistoryEntry entry) {
        String code = dossier.code() == null ? "" : dossier.code();
        String name = name(dossier);
        return switch (event.event()) {
            case SUBMIT ->
                new Text(
                        "Hồ sơ " + code + " đã được tiếp nhận",
                        "Hồ sơ " + name + " đã được tiếp nhận lúc " + time(dossier.submittedAt()) + ". Mã hồ sơ: "
                                + code
                                + ". Ngày hẹn trả kết quả: " + date(dossier.appointmentDate())
                                + ". Giấy tiếp nhận hồ sơ và hẹn trả kết quả có trên trang hồ sơ.");
            case START_REVIEW ->
                new Text(
                        "Hồ sơ " + code + " đang được thẩm định",
                        "Hồ sơ " + name + " đã được chuyển thẩm định. Ngày hẹn trả kết quả: "
                                + date(dossier.appointmentDate()) + ".");
            case REQUEST_SUPPLEMENT -> {
                var request = records.supplementRequest(dossier.id()).orElse(null);
                String items = request == null ? "" : String.join("; ", request.items());
                yield new Text(
                        "Hồ sơ " + code + " cần bổ sung, hoàn thiện",
                        "Hồ sơ " + name + " cần được bổ sung, hoàn thiện. Lý do: "
                                + (request == null ? reason(entry) : request.reasons()) + ". Nội dung cần bổ sung: "
                                + items
                                + ". Thời gian giải quyết tạm dừng và được tính lại từ đầu khi cơ quan nhận đủ hồ sơ bổ sung.");
            }
            case RESUBMIT ->
                new Text(
                        "Hồ sơ " + code + " đã nhận đủ phần bổ sung",
                        "Cơ quan đã nhận phần bổ sung của hồ sơ " + name + ". Ngày hẹn trả kết quả mới: "
                                + date(dossier.appointmentDate()) + ".");
            case RECOMMEND ->
                new Text(
                        "Hồ sơ " + code + " đã được thẩm định",
                        "Hồ sơ " + name + " đã được thẩm định và đang chờ lãnh đạo phê duyệt. Ngày hẹn trả kết quả: "
                                + date(dossier.appointmentDate()) + ".");
            case RETURN ->
                new Text(
                        "Hồ sơ " + code + " đang được thẩm định lại",
                        "Hồ sơ " + name + " được chuyển thẩm định lại. Ngày hẹn trả kết quả: "
                                + date(dossier.appointmentDate()) + ".");
            case APPROVE -> {
                var decision = records.decision(dossier.id()).orElse(null);
                yield new Text(
                        "Hồ sơ " + code + " đã được phê duyệt",
                        "Đề án " + name + " đã được phê duyệt hỗ trợ theo Quyết định số "
                                + (decision == null ? "" : decision.decisionNumber()) + ", kinh phí hỗ trợ "
                                + (decision == null ? "" : vnd(decision.approvedAmount()))
                                + ". Quyết định có trên trang hồ sơ.");
            }
            case REJECT ->
                new Text(
                        "Hồ sơ " + code + " không được hỗ trợ",
                        "Cơ quan từ chối giải quyết hồ sơ " + name + ". Lý do: " + reason(entry)
                                + ". Phiếu từ chối giải quyết hồ sơ có trên trang hồ sơ.");
            case RESCHEDULE ->
                new Text(
                        "Xin lỗi: hồ sơ " + code + " được hẹn lại ngày trả kết quả",
                        "Cơ quan xin lỗi vì chưa giải quyết xong hồ sơ " + name + " đúng hẹn. Lý do: "
                                + rescheduleReason(entry) + ". Ngày hẹn trả kết quả mới: "
                                + date(dossier.appointmentDate()) + ".");
            case START_MONITORING ->
                new Text(
                        "Đề án " + code + " bắt đầu được giám sát",
                        "Đề án " + name
                                + " đang được kiểm tra, giám sát thực hiện. Vui lòng báo cáo tiến độ hằng tháng.");
            case ACCEPT ->
                new Text(
                        "Đề án " + code + " đã được nghiệm thu",
                        "Đề án " + name + " đã được nghiệm thu. Cảm ơn tổ chức đã thực hiện đề án.");
            case TERMINATE ->
                new Text(
                        "Đề án " + code + " dừng thực hiện",
                        "Đề án " + name + " bị dừng thực hiện. Lý do: " + reason(entry) + ".");
            case WITHDRAW ->
                new Text(
                        "Hồ sơ " + (code.isEmpty() ? "" : code + " ") + "đã được rút",
                        "Hồ sơ " + name + " đã được rút theo yêu cầu của tổ chức.");
            default -> null;
        };
    }

    private List<Contact> assignedOr(Dossier dossier, Role role) {
        if (dossier.assignedReviewer() != null) {
            var assigned = contacts.account(dossier.assignedReviewer());
            if (assigned.isPresent()) {
                return List.of(assigned.get());
            }
        }
        return contacts.officers(dossier.agencyCode(), role);
    }

    static String name(Dossier dossier) {
        return "\"" + dossier.title() + "\"" + (dossier.code() == null ? "" : " (mã " + dossier.code() + ")");
    }

    static String reason(HistoryEntry entry) {
        return entry.comment() == null ? "" : entry.comment();
    }

    /** The history keeps a reschedule as "date: reason". */
    static String rescheduleReason(HistoryEntry entry) {
        String comment = reason(entry);
        int colon = comment.indexOf(": ");
        return colon > 0 ? comment.substring(colon + 2) : comment;
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(VietnamTime.ZONE));
    }
}
