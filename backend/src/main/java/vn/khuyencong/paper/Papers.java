package vn.khuyencong.paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.khuyencong.document.StoredFiles;
import vn.khuyencong.dossier.Dossier;
import vn.khuyencong.dossier.Dossiers;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.shared.ProblemException;
import vn.khuyencong.workflow.DossierHistory;
import vn.khuyencong.workflow.HistoryEntry;

/**
 * Issuing, listing and reading papers. A paper is identified by its dossier, kind and the history entry it
 * records; issuing it again finds the one already issued. The bytes go to object storage before the row is
 * written, under a key named after the paper's code.
 */
@Service
public class Papers {

    private static final String COLUMNS = "id, code, dossier_id, kind, sha256, size_bytes, issued_at, object_key";

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final DossierHistory history;
    private final PaperComposer composer;
    private final StoredFiles storage;
    private final Clock clock;
    private final String publicUrl;

    Papers(
            JdbcClient jdbc,
            Dossiers dossiers,
            DossierHistory history,
            PaperComposer composer,
            StoredFiles storage,
            Clock clock,
            @Value("${kc.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.history = history;
        this.composer = composer;
        this.storage = storage;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The page where anyone checks a paper; its QR code carries this address. */
    String verificationUrl(String code) {
        return publicUrl + "/xac-thuc/" + code;
    }

    /** Issues the paper of {@code kind} recording history entry {@code entryId}, unless it exists already. */
    public Paper issue(UUID dossierId, PaperKind kind, long entryId) {
        String sourceKey = "history:" + entryId;
        Optional<Paper> existing = find(dossierId, kind, sourceKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Rendered rendered = render(dossierId, kind, entryId);
        String key = "papers/" + dossierId + "/" + rendered.code() + ".pdf";
        storage.put(key, rendered.bytes(), "application/pdf");
        jdbc.sql("""
                insert into paper (id, code, dossier_id, kind, source_key, object_key, sha256, size_bytes, issued_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        UUID.randomUUID(),
                        rendered.code(),
                        dossierId,
                        kind.name(),
                        sourceKey,
                        key,
                        sha256(rendered.bytes()),
                        rendered.bytes().length,
                        Timestamp.from(rendered.issuedAt()),
                        Timestamp.from(clock.instant()))
                .update();
        return find(dossierId, kind, sourceKey).orElseThrow();
    }

    record Rendered(String code, byte[] bytes, Instant issuedAt) {}

    /** Composes and draws the paper from the data as it is now: the same data gives the same bytes. */
    Rendered render(UUID dossierId, PaperKind kind, long entryId) {
        Dossier dossier = dossiers.find(dossierId).orElseThrow();
        List<HistoryEntry> entries =
                history.of(dossierId).stream().filter(e -> e.id() <= entryId).toList();
        HistoryEntry source = entries.stream()
                .filter(e -> e.id() == entryId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No history entry " + entryId));
        String code = PaperComposer.code(kind, dossierId, "history:" + entryId);
        // the paper shows the time of the step to the second
        HistoryEntry atSecond = new HistoryEntry(
                source.id(),
                source.event(),
                source.from(),
                source.to(),
                source.actor(),
                source.actorRole(),
                source.comment(),
                source.occurredAt().truncatedTo(ChronoUnit.SECONDS));
        PaperContent content = composer.compose(kind, code, dossier, atSecond, entries, publicUrl);
        return new Rendered(code, PdfRenderer.render(content, verificationUrl(code)), atSecond.occurredAt());
    }

    /** The process control slip (form 05) as of the dossier's latest step, issued on first request. */
    public Paper processControl(UUID dossierId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        List<HistoryEntry> entries = history.of(dossierId);
        if (entries.isEmpty()) {
            throw ProblemException.ruleViolated("not-submitted", "Hồ sơ chưa được nộp nên chưa có quá trình xử lý.");
        }
        return issue(dossierId, PaperKind.PROCESS_CONTROL, entries.getLast().id());
    }

    public List<Paper> list(UUID dossierId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        return jdbc.sql("select " + COLUMNS + " from paper where dossier_id = ? order by issued_at, kind")
                .param(dossierId)
                .query(this::map)
                .list();
    }

    public record Content(Paper paper, InputStream stream) {}

    public Content open(UUID dossierId, UUID paperId, CurrentUser user) {
        dossiers.getVisible(dossierId, user);
        Paper paper = jdbc.sql("select " + COLUMNS + " from paper where id = ? and dossier_id = ?")
                .params(paperId, dossierId)
                .query(this::map)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Không tìm thấy giấy tờ."));
        return new Content(paper, storage.get(objectKey(paper.id())));
    }

    /** For the public verification page: no personal data, only what identifies the paper. */
    public Optional<Paper> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from paper where code = ?")
                .param(code)
                .query(this::map)
                .optional();
    }

    String dossierCode(Paper paper) {
        return dossiers.find(paper.dossierId()).map(Dossier::code).orElse(null);
    }

    /** The stored bytes of a paper, for checking them against a new rendering. */
    byte[] storedBytes(UUID paperId) {
        try (InputStream in = storage.get(objectKey(paperId))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Long> sourceEntry(UUID paperId) {
        return jdbc.sql("select source_key from paper where id = ?")
                .param(paperId)
                .query(String.class)
                .optional()
                .filter(key -> key.startsWith("history:"))
                .map(key -> Long.parseLong(key.substring(8)));
    }

    private String objectKey(UUID paperId) {
        return jdbc.sql("select object_key from paper where id = ?")
                .param(paperId)
                .query(String.class)
                .single();
    }

    private Optional<Paper> find(UUID dossierId, PaperKind kind, String sourceKey) {
        return jdbc.sql("select " + COLUMNS + " from paper where dossier_id = ? and kind = ? and source_key = ?")
                .params(dossierId, kind.name(), sourceKey)
                .query(this::map)
                .optional();
    }

    private Paper map(ResultSet rs, int row) throws SQLException {
        PaperKind kind = PaperKind.valueOf(rs.getString("kind"));
        String code = rs.getString("code");
        return new Paper(
                rs.getObject("id", UUID.class),
                code,
                rs.getObject("dossier_id", UUID.class),
                kind,
                kind.title(),
                kind.form(),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getTimestamp("issued_at").toInstant(),
                verificationUrl(code));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
