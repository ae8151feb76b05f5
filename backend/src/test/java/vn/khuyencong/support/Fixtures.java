package vn.khuyencong.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Named fixtures: dossiers brought to a state through the real workflow over HTTP, by the demo accounts.
 */
public final class Fixtures {

    public static final byte[] PDF = Pdfs.onePage("Don de nghi ho tro khuyen cong");

    public static final long REQUESTED = 150_000_000L;
    public static final long RECOMMENDED = 120_000_000L;

    public final Api enterprise;
    public final Api reviewer;
    public final Api approver;
    public final Api monitor;

    public Fixtures(Api anonymous) {
        this.enterprise = anonymous.as("doanhnghiep");
        this.reviewer = anonymous.as("thamdinh");
        this.approver = anonymous.as("pheduyet");
        this.monitor = anonymous.as("giamsat");
    }

    /** A machinery project in a priority commune, every question answered: ready to submit once documented. */
    public static Map<String, Object> aCompleteForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", "Đầu tư dây chuyền chế biến miến dong");
        form.put("contentCode", "TECHNOLOGY_TRANSFER");
        form.put("programme", "LOCAL");
        form.put("supportKind", "MACHINERY");
        form.put("communeCode", "19003");
        form.put("totalBudget", 400_000_000L);
        form.put("requestedSupport", REQUESTED);
        form.put("counterpartFunds", 250_000_000L);
        form.put("startsOn", "2027-01-15");
        form.put("endsOn", "2027-06-30");
        form.put("expectedOutcomes", "Nâng công suất lên 2 tấn miến mỗi ngày, tạo việc làm cho 20 lao động.");
        form.put(
                "answers",
                Map.of(
                        "machines",
                        "Máy tráng bánh miến: 1\nMáy sấy: 1",
                        "supplierQuotes",
                        2,
                        "capacity",
                        "2 tấn sản phẩm/ngày"));
        return form;
    }

    public static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(form);
        copy.put(key, value);
        return copy;
    }

    public JsonNode aDraft() {
        return aDraft(aCompleteForm());
    }

    public JsonNode aDraft(Map<String, Object> form) {
        Api.Response created = enterprise.post("/api/v1/dossiers", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Uploads a small PDF for every required document the dossier's checklist still misses. */
    public void uploadEveryRequiredDocument(String id) {
        uploadEveryRequiredDocument(enterprise, id);
    }

    public static void uploadEveryRequiredDocument(Api owner, String id) {
        Api.Response checklist = owner.get("/api/v1/dossiers/" + id + "/checklist");
        assertThat(checklist.status()).as(checklist.body()).isEqualTo(200);
        checklist.json().get("missing").forEach(type -> uploadA(owner, id, type.asString()));
    }

    public static JsonNode uploadA(Api owner, String id, String documentType) {
        Api.Response upload = owner.upload(
                "/api/v1/dossiers/" + id + "/documents",
                Map.of("documentType", documentType),
                "file",
                documentType.toLowerCase() + ".pdf",
                PDF,
                "application/pdf");
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        return upload.json();
    }

    /** A documented draft, ready to submit: every required document of its checklist uploaded. */
    public String aReadyDraft() {
        String id = aDraft().get("id").asString();
        uploadEveryRequiredDocument(id);
        return id;
    }

    public JsonNode fire(Api actor, String id, Map<String, Object> payload) {
        Api.Response response = actor.post("/api/v1/dossiers/" + id + "/transitions", payload);
        assertThat(response.status())
                .as(payload.get("event") + ": " + response.body())
                .isEqualTo(200);
        return response.json();
    }

    public static Map<String, Object> event(String event, Object... keyValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        for (int i = 0; i < keyValues.length; i += 2) {
            payload.put((String) keyValues[i], keyValues[i + 1]);
        }
        return payload;
    }

    public static Map<String, Integer> aFullScoreSheet() {
        return Map.of("NECESSITY", 16, "OBJECTIVES", 15, "BENEFICIARY", 14, "BUDGET", 15, "EFFECT", 16);
    }

    public static String aDecisionNumber() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "/QĐ-SCT";
    }

    public String submitted() {
        String id = aReadyDraft();
        fire(enterprise, id, event("SUBMIT"));
        return id;
    }

    public String underReview() {
        String id = submitted();
        fire(reviewer, id, event("START_REVIEW"));
        return id;
    }

    public String supplementRequested() {
        String id = underReview();
        fire(
                reviewer,
                id,
                event(
                        "REQUEST_SUPPLEMENT",
                        "comment",
                        "Thiếu báo giá máy sấy",
                        "items",
                        List.of("Báo giá của nhà cung cấp máy sấy")));
        return id;
    }

    public String reviewed() {
        String id = underReview();
        fire(reviewer, id, event("RECOMMEND", "scores", aFullScoreSheet(), "recommendedAmount", RECOMMENDED));
        return id;
    }

    public String approved() {
        String id = reviewed();
        fire(approver, id, event("APPROVE", "decisionNumber", aDecisionNumber(), "approvedAmount", 100_000_000L));
        return id;
    }

    public String monitored() {
        String id = approved();
        fire(monitor, id, event("START_MONITORING"));
        return id;
    }

    /**
     * A project of this form, documented, recommended and approved for {@code support}, then monitored: for the
     * projects the machinery project of {@link #aCompleteForm()} does not stand for.
     */
    public String monitored(Map<String, Object> form, long support) {
        String id = aDraft(form).get("id").asString();
        uploadEveryRequiredDocument(id);
        fire(enterprise, id, event("SUBMIT"));
        fire(reviewer, id, event("START_REVIEW"));
        fire(reviewer, id, event("RECOMMEND", "scores", aFullScoreSheet(), "recommendedAmount", support));
        fire(approver, id, event("APPROVE", "decisionNumber", aDecisionNumber(), "approvedAmount", support));
        fire(monitor, id, event("START_MONITORING"));
        return id;
    }

    /** Accepted through the acceptance record, the only way to COMPLETED. */
    public String completed() {
        String id = monitored();
        accept(id);
        return id;
    }

    public JsonNode accept(String id) {
        Api.Response accepted = monitor.post("/api/v1/dossiers/" + id + "/monitoring/acceptance", anAcceptance());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return accepted.json();
    }

    /** The acceptance record of the machinery project: two machines installed and working. */
    public static Map<String, Object> anAcceptance() {
        Map<String, Object> acceptance = new LinkedHashMap<>();
        acceptance.put(
                "acceptedOn",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        acceptance.put(
                "outcomes",
                Map.of(
                        "workersTrained",
                        20,
                        "machinesInstalled",
                        2,
                        "machinesWorking",
                        2,
                        "products",
                        1,
                        "fairsAttended",
                        0));
        acceptance.put("counterpartRealised", 250_000_000L);
        acceptance.put("conclusion", "Máy móc lắp đặt đúng chủng loại, vận hành ổn định; đạt mục tiêu đề án.");
        return acceptance;
    }

    /** A plan of two milestones: the machines installed, then running. */
    public static Map<String, Object> aPlan() {
        return Map.of(
                "milestones",
                List.of(
                        Map.of(
                                "title",
                                "Lắp đặt máy tráng bánh và máy sấy",
                                "dueOn",
                                "2027-03-31",
                                "promisedOutcome",
                                "2 máy được lắp đặt tại xưởng"),
                        Map.of(
                                "title",
                                "Vận hành thử và sản xuất ổn định",
                                "dueOn",
                                "2027-06-30",
                                "promisedOutcome",
                                "Công suất 2 tấn miến mỗi ngày")));
    }

    public String rejected() {
        String id = underReview();
        fire(reviewer, id, event("REJECT", "comment", "Không thuộc đối tượng hỗ trợ"));
        return id;
    }

    public String withdrawn() {
        String id = submitted();
        fire(enterprise, id, event("WITHDRAW"));
        return id;
    }

    public String terminated() {
        String id = monitored();
        fire(approver, id, event("TERMINATE", "comment", "Cơ sở ngừng sản xuất"));
        return id;
    }

    public String inState(String state) {
        return switch (state) {
            case "DRAFT" -> aReadyDraft();
            case "SUBMITTED" -> submitted();
            case "UNDER_REVIEW" -> underReview();
            case "SUPPLEMENT_REQUESTED" -> supplementRequested();
            case "REVIEWED" -> reviewed();
            case "APPROVED" -> approved();
            case "MONITORED" -> monitored();
            case "COMPLETED" -> completed();
            case "REJECTED" -> rejected();
            case "WITHDRAWN" -> withdrawn();
            case "TERMINATED" -> terminated();
            default -> throw new IllegalArgumentException(state);
        };
    }
}
