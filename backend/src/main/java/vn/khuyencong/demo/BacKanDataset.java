package vn.khuyencong.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyencong.catalog.Catalog;
import vn.khuyencong.catalog.ReviewCriterion;
import vn.khuyencong.document.Documents;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.DossierForm;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.dossier.Programme;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;
import vn.khuyencong.monitoring.MonitoringActions;
import vn.khuyencong.monitoring.MonitoringActions.Achieved;
import vn.khuyencong.shared.VietnamTime;
import vn.khuyencong.workflow.DossierEvent;
import vn.khuyencong.workflow.DossierWorkflow;
import vn.khuyencong.workflow.TransitionRequest;

/**
 * Bắc Kạn's khuyến công of 2014–2018 as the article reports it, recreated as dossiers that go through the real
 * workflow and monitoring: created and submitted by their establishments, reviewed (three after a supplement),
 * approved, paid and accepted with their outcomes. Only the projects are described here; every figure the
 * statistics show is computed from what the workflow recorded. The projects' years are those of the report; the
 * processing happens when the dataset is loaded, under demo funding calls open from 2014 to the day of loading.
 * Loading it twice does nothing the second time.
 */
@Service
public class BacKanDataset {

    public static final String NAME = "bac-kan";

    private static final Logger log = LoggerFactory.getLogger(BacKanDataset.class);
    private static final UUID NATIONAL_CALL = UUID.fromString("0b6f3c52-2014-4c00-8000-00000000ba01");
    private static final UUID LOCAL_CALL = UUID.fromString("0b6f3c52-2014-4c00-8000-00000000ba02");
    /** The demo dossiers' papers: one blank A4 page, as a scanner writes it. */
    private static final byte[] PDF = blankPage();

    /** The result of a request to load. */
    public record Result(String dataset, boolean loaded, int dossiers) {}

    record Organisation(String taxCode, String name, String type, String commune) {

        UUID id() {
            return UUID.nameUUIDFromBytes(("demo-bac-kan:" + taxCode).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One project as the report describes it; {@code outcome} null: the dossier ends before approval. */
    record Project(
            Organisation organisation,
            Programme programme,
            String content,
            String kind,
            int year,
            String title,
            long support,
            long counterpart,
            Map<String, Object> answers,
            Achieved achieved,
            boolean supplement,
            DossierEvent endsWith) {}

    static final Organisation NA_PAI =
            new Organisation("4700900101", "Hợp tác xã Chế biến nông sản Nà Pài", "COOPERATIVE", "19003");
    static final Organisation CHO_DON_WOOD =
            new Organisation("4700900102", "Công ty TNHH Chế biến gỗ Chợ Đồn", "ENTERPRISE", "19004");
    static final Organisation BA_BE =
            new Organisation("4700900103", "Hợp tác xã Dịch vụ tổng hợp Ba Bể", "COOPERATIVE", "19005");
    static final Organisation NA_RI =
            new Organisation("4700900104", "Hợp tác xã Nông lâm nghiệp Na Rì", "COOPERATIVE", "19006");
    static final Organisation ROOFING =
            new Organisation("4700900105", "Công ty TNHH Sản xuất tấm lợp Bạch Thông", "ENTERPRISE", "19007");
    static final Organisation MECHANICS =
            new Organisation("4700900106", "Doanh nghiệp tư nhân Cơ khí Đức Xuân", "ENTERPRISE", "19002");
    static final Organisation CHOPSTICKS =
            new Organisation("4700900107", "Hợp tác xã Đũa gỗ Phan Đình Phùng", "COOPERATIVE", "19001");
    static final Organisation VERMICELLI =
            new Organisation("4700900108", "Hợp tác xã Miến dong Na Rì", "COOPERATIVE", "19006");
    static final Organisation TEA =
            new Organisation("4700900109", "Công ty cổ phần Chè Bạch Thông", "ENTERPRISE", "19007");
    static final Organisation HONEY =
            new Organisation("4700900110", "Hợp tác xã Mật ong Ba Bể", "COOPERATIVE", "19005");
    static final List<Organisation> ORGANISATIONS =
            List.of(NA_PAI, CHO_DON_WOOD, BA_BE, NA_RI, ROOFING, MECHANICS, CHOPSTICKS, VERMICELLI, TEA, HONEY);

    private static final List<Organisation> MACHINERY_OWNERS =
            List.of(NA_PAI, CHO_DON_WOOD, BA_BE, NA_RI, ROOFING, MECHANICS, CHOPSTICKS, VERMICELLI, TEA, HONEY);
    private static final String[] MACHINES = {
        "Dây chuyền chế biến tinh bột dong riềng",
        "Máy xẻ, bào gỗ",
        "Máy sấy nông sản",
        "Máy ép viên mùn cưa",
        "Máy cán tôn tấm lợp",
        "Máy hàn, cắt kim loại",
        "Máy tiện đũa gỗ",
        "Dây chuyền tráng, sấy miến",
        "Máy vò, sao chè",
        "Máy quay, lọc mật ong"
    };

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final Documents documents;
    private final DossierWorkflow workflow;
    private final MonitoringActions monitoring;
    private final Catalog catalog;
    private final Clock clock;

    BacKanDataset(
            JdbcClient jdbc,
            Dossiers dossiers,
            Documents documents,
            DossierWorkflow workflow,
            MonitoringActions monitoring,
            Catalog catalog,
            Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.documents = documents;
        this.workflow = workflow;
        this.monitoring = monitoring;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The projects of 2014–2018, as the article counts them. */
    static List<Project> projects() {
        List<Project> projects = new ArrayList<>();
        Programme nat = Programme.NATIONAL;
        Programme loc = Programme.LOCAL;
        // vocational training: arrowroot processing for 240 workers, chopstick making for 35
        projects.add(new Project(
                VERMICELLI,
                loc,
                "VOCATIONAL_TRAINING",
                "VOCATIONAL_TRAINING",
                2015,
                "Đào tạo nghề chế biến dong riềng cho 240 lao động",
                180_000_000L,
                20_000_000L,
                Map.of("trade", "Chế biến dong riềng", "trainees", 240, "classes", 8, "durationDays", 30),
                achieved(240, 0, 0, 0),
                false,
                null));
        projects.add(new Project(
                CHOPSTICKS,
                loc,
                "VOCATIONAL_TRAINING",
                "VOCATIONAL_TRAINING",
                2017,
                "Đào tạo nghề sản xuất đũa gỗ cho 35 lao động (phối hợp Trung tâm Khuyến công Hà Nội)",
                60_000_000L,
                10_000_000L,
                Map.of("trade", "Sản xuất đũa gỗ", "trainees", 35, "classes", 1, "durationDays", 45),
                achieved(35, 0, 0, 0),
                false,
                null));
        // seven start-up classes for 275 trainees
        int[] trainees = {40, 40, 40, 40, 40, 40, 35};
        Organisation[] hosts = {NA_PAI, BA_BE, NA_RI, ROOFING, CHOPSTICKS, TEA, HONEY};
        for (int i = 0; i < trainees.length; i++) {
            projects.add(new Project(
                    hosts[i],
                    loc,
                    "MANAGEMENT_CAPACITY",
                    "START_UP",
                    2014 + i % 5,
                    "Lớp tập huấn khởi sự doanh nghiệp số " + (i + 1),
                    9_000_000L,
                    1_000_000L,
                    Map.of("activity", "Lớp khởi sự doanh nghiệp", "classes", 1, "participants", trainees[i]),
                    achieved(trainees[i], 0, 0, 0),
                    false,
                    null));
        }
        // 14 trade fairs and exhibitions, inside and outside the province
        int[] fairs = {3, 3, 3, 3, 2};
        Organisation[] exhibitors = {VERMICELLI, TEA, HONEY, CHOPSTICKS, BA_BE};
        for (int i = 0; i < fairs.length; i++) {
            projects.add(new Project(
                    exhibitors[i],
                    loc,
                    "PRODUCT_PROMOTION",
                    "FAIR",
                    2014 + i,
                    "Tham gia " + fairs[i] + " hội chợ, triển lãm trong và ngoài tỉnh năm " + (2014 + i),
                    40_000_000L,
                    20_000_000L,
                    Map.of("fairs", fairs[i], "products", "Sản phẩm công nghiệp nông thôn tiêu biểu"),
                    new Achieved(0, 0, 0, 0, fairs[i]),
                    false,
                    null));
        }
        // packaging designed for 28 rural-industry products
        Organisation[] packaged = {VERMICELLI, TEA, HONEY, NA_PAI};
        for (int i = 0; i < packaged.length; i++) {
            projects.add(new Project(
                    packaged[i],
                    loc,
                    "CONSULTING",
                    "CONSULTING",
                    2015 + i,
                    "Thuê tư vấn thiết kế bao bì, nhãn mác cho 7 sản phẩm",
                    30_000_000L,
                    35_000_000L,
                    Map.of("topic", "Thiết kế mẫu mã, bao bì", "packagingDesigns", 7),
                    achieved(0, 0, 0, 7),
                    i == 1,
                    null));
        }
        // three demonstration models (wood processing, farm produce, insulated roofing) with 1 billion VND
        projects.add(new Project(
                CHO_DON_WOOD,
                nat,
                "TECHNOLOGY_TRANSFER",
                "DEMONSTRATION_MODEL",
                2015,
                "Mô hình trình diễn kỹ thuật chế biến gỗ rừng trồng",
                400_000_000L,
                1_600_000_000L,
                machinery("Dây chuyền chế biến gỗ ghép thanh: 1", "1.500 m3 gỗ/năm"),
                new Achieved(25, 6, 6, 0, 0),
                false,
                null));
        projects.add(new Project(
                NA_PAI,
                nat,
                "TECHNOLOGY_TRANSFER",
                "DEMONSTRATION_MODEL",
                2016,
                "Mô hình trình diễn kỹ thuật chế biến nông sản",
                300_000_000L,
                1_200_000_000L,
                machinery("Dây chuyền sơ chế, sấy nông sản: 1", "3 tấn nông sản/ngày"),
                new Achieved(18, 4, 4, 0, 0),
                true,
                null));
        projects.add(new Project(
                ROOFING,
                nat,
                "TECHNOLOGY_TRANSFER",
                "DEMONSTRATION_MODEL",
                2017,
                "Mô hình trình diễn kỹ thuật sản xuất tấm lợp cách nhiệt",
                300_000_000L,
                900_000_000L,
                machinery("Dây chuyền sản xuất tấm lợp cách nhiệt: 1", "200.000 m2/năm"),
                new Achieved(15, 3, 3, 0, 0),
                false,
                null));
        // thirty machinery projects with over 2.1 billion VND: twenty national, ten local
        for (int i = 0; i < 30; i++) {
            boolean national = i < 20;
            Organisation owner = MACHINERY_OWNERS.get(i % MACHINERY_OWNERS.size());
            String machine = MACHINES[i % MACHINES.length];
            long counterpart = national ? (i < 10 ? 1_200_000_000L : 1_365_000_000L) : 60_000_000L;
            projects.add(new Project(
                    owner,
                    national ? nat : loc,
                    "TECHNOLOGY_TRANSFER",
                    "MACHINERY",
                    2014 + i % 5,
                    "Hỗ trợ ứng dụng máy móc tiên tiến: " + machine.toLowerCase(java.util.Locale.ROOT) + " (đề án "
                            + (i + 1) + ")",
                    national ? 80_000_000L : 55_000_000L,
                    counterpart,
                    machinery(machine + ": 1", "Tăng 30% công suất"),
                    new Achieved(0, 1, 1, 0, 0),
                    i == 7,
                    null));
        }
        // the two other contents carried out: a business cluster, and the capacity of those who carry out khuyến công
        projects.add(new Project(
                VERMICELLI,
                loc,
                "CLUSTER_DEVELOPMENT",
                "BUSINESS_CLUSTER",
                2016,
                "Hình thành cụm liên kết sản xuất miến dong Na Rì",
                100_000_000L,
                150_000_000L,
                Map.of("clusterName", "Cụm liên kết miến dong Na Rì", "members", 12),
                achieved(0, 0, 0, 0),
                false,
                null));
        projects.add(new Project(
                NA_RI,
                loc,
                "PROMOTION_CAPACITY",
                "PROMOTION_CAPACITY",
                2018,
                "Tập huấn nghiệp vụ khuyến công cho cán bộ cơ sở",
                40_000_000L,
                0L,
                Map.of("participants", 60),
                achieved(0, 0, 0, 0),
                false,
                null));
        // dossiers that never became projects: one refused, one withdrawn by its establishment
        projects.add(new Project(
                MECHANICS,
                loc,
                "INTERNATIONAL_COOPERATION",
                "INTERNATIONAL",
                2018,
                "Khảo sát, học tập kinh nghiệm chế tạo máy nông nghiệp ở nước ngoài",
                90_000_000L,
                30_000_000L,
                Map.of("partner", "Hiệp hội cơ khí nông nghiệp (đối tác nước ngoài)"),
                null,
                false,
                DossierEvent.REJECT));
        projects.add(new Project(
                HONEY,
                loc,
                "PRODUCT_PROMOTION",
                "BRAND",
                2018,
                "Xây dựng, đăng ký nhãn hiệu mật ong Ba Bể",
                30_000_000L,
                40_000_000L,
                Map.of("brands", 1, "products", "Mật ong Ba Bể"),
                null,
                false,
                DossierEvent.WITHDRAW));
        return projects;
    }

    private static Achieved achieved(int workers, int machines, int fairs, int products) {
        return new Achieved(workers, machines, machines, products, fairs);
    }

    private static Map<String, Object> machinery(String machines, String capacity) {
        return Map.of("machines", machines, "supplierQuotes", 3, "capacity", capacity);
    }

    /** Loads the dataset unless it is already there. */
    @Transactional
    public Result load(String requestedBy) {
        // one loader at a time, across instances
        jdbc.sql("select pg_advisory_xact_lock(hashtext('demo-dataset:' || ?))")
                .param(NAME)
                .query()
                .rowSet();
        Integer existing = jdbc.sql("select dossiers from demo_dataset_load where name = ?")
                .param(NAME)
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            return new Result(NAME, false, existing);
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        String agency = catalog.receivingAgency().code();
        jdbc.sql("""
                insert into funding_call (id, programme, year, name, agency_code, opens_on, closes_on)
                values (?, 'NATIONAL', 2018, 'Dữ liệu minh hoạ: khuyến công quốc gia Bắc Kạn 2014–2018', ?, '2014-01-01', ?),
                       (?, 'LOCAL', 2018, 'Dữ liệu minh hoạ: khuyến công địa phương Bắc Kạn 2014–2018', ?, '2014-01-01', ?)
                on conflict (id) do update set closes_on = greatest(funding_call.closes_on, excluded.closes_on)""")
                .params(NATIONAL_CALL, agency, today, LOCAL_CALL, agency, today)
                .update();
        for (Organisation o : ORGANISATIONS) {
            jdbc.sql("""
                    insert into organisation (id, tax_code, name, org_type, commune_code) values (?, ?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(o.id(), o.taxCode(), o.name(), o.type(), o.commune())
                    .update();
        }
        CurrentUser reviewer = officer("demo.thamdinh", "Cán bộ thẩm định (dữ liệu minh hoạ)", Role.REVIEWER, agency);
        CurrentUser approver = officer("demo.pheduyet", "Lãnh đạo Sở (dữ liệu minh hoạ)", Role.APPROVER, agency);
        CurrentUser monitor = officer("demo.giamsat", "Cán bộ giám sát (dữ liệu minh hoạ)", Role.MONITOR, agency);
        List<Project> projects = projects();
        int number = 0;
        for (Project project : projects) {
            number++;
            run(project, number, reviewer, approver, monitor, today);
        }
        jdbc.sql("insert into demo_dataset_load (name, dossiers, loaded_by, loaded_at) values (?, ?, ?, ?)")
                .params(NAME, projects.size(), requestedBy, Timestamp.from(clock.instant()))
                .update();
        log.info("Demo dataset {} loaded by {}: {} dossiers", NAME, requestedBy, projects.size());
        return new Result(NAME, true, projects.size());
    }

    private void run(
            Project p, int number, CurrentUser reviewer, CurrentUser approver, CurrentUser monitor, LocalDate today) {
        Organisation o = p.organisation();
        CurrentUser enterprise =
                new CurrentUser("demo-data", "demo." + o.taxCode(), o.name(), Set.of(Role.ENTERPRISE), o.id(), null);
        Map<String, Object> answers = new LinkedHashMap<>(p.answers());
        DossierForm form = new DossierForm(
                p.title(),
                p.content(),
                p.programme(),
                p.programme() == Programme.NATIONAL ? NATIONAL_CALL : LOCAL_CALL,
                p.kind(),
                o.commune(),
                p.support() + p.counterpart(),
                p.support(),
                p.counterpart(),
                LocalDate.of(p.year(), 3, 1),
                LocalDate.of(p.year(), 11, 30),
                "Kết quả theo báo cáo của UBND tỉnh Bắc Kạn giai đoạn 2014–2018.",
                answers);
        Dossier dossier = dossiers.create(form, enterprise);
        UUID id = dossier.id();
        for (String type : catalog.requiredDocumentTypes(p.content())) {
            documents.store(
                    id,
                    type,
                    type.toLowerCase(java.util.Locale.ROOT) + ".pdf",
                    new ByteArrayInputStream(PDF),
                    enterprise);
        }
        fire(id, DossierEvent.SUBMIT, enterprise, TransitionRequest.none());
        if (p.endsWith() == DossierEvent.WITHDRAW) {
            fire(id, DossierEvent.WITHDRAW, enterprise, TransitionRequest.none());
            return;
        }
        fire(id, DossierEvent.START_REVIEW, reviewer, TransitionRequest.none());
        if (p.supplement()) {
            fire(
                    id,
                    DossierEvent.REQUEST_SUPPLEMENT,
                    reviewer,
                    new TransitionRequest(
                            "Hồ sơ chưa đủ căn cứ để thẩm định",
                            List.of("Dự toán kinh phí chi tiết có chữ ký của người đại diện"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
            fire(id, DossierEvent.RESUBMIT, enterprise, TransitionRequest.none());
        }
        if (p.endsWith() == DossierEvent.REJECT) {
            fire(
                    id,
                    DossierEvent.REJECT,
                    reviewer,
                    TransitionRequest.withComment(
                            "Nội dung không thuộc kế hoạch hợp tác quốc tế về khuyến công được phê duyệt"));
            return;
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (ReviewCriterion criterion : catalog.reviewCriteria()) {
            scores.put(criterion.code(), criterion.maxScore() * 4 / 5);
        }
        fire(
                id,
                DossierEvent.RECOMMEND,
                reviewer,
                new TransitionRequest(
                        "Đề án khả thi, đúng đối tượng", null, scores, p.support(), null, null, null, null));
        fire(
                id,
                DossierEvent.APPROVE,
                approver,
                new TransitionRequest(
                        null,
                        null,
                        null,
                        null,
                        "BK-" + p.year() + "-" + String.format("%02d", number) + "/QĐ-SCT",
                        p.support(),
                        null,
                        null));
        fire(id, DossierEvent.START_MONITORING, monitor, TransitionRequest.none());
        monitoring.recordPayment(id, p.support(), today, "Chứng từ BK-" + p.year() + "-" + number, monitor);
        monitoring.accept(
                id,
                today,
                p.achieved(),
                p.counterpart(),
                "Đề án hoàn thành theo báo cáo của UBND tỉnh Bắc Kạn giai đoạn 2014–2018.",
                monitor);
    }

    private void fire(UUID id, DossierEvent event, CurrentUser actor, TransitionRequest request) {
        workflow.fire(id, event, actor, request);
    }

    private static CurrentUser officer(String username, String name, Role role, String agency) {
        return new CurrentUser("demo-data", username, name, Set.of(role), null, agency);
    }

    private static byte[] blankPage() {
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage(PDRectangle.A4));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
