package vn.khuyencong.paper;

import java.time.Instant;
import java.util.List;

/**
 * Everything printed on a paper, computed from the data alone: the same data always gives the same content, and
 * the renderer turns the same content into the same bytes.
 *
 * @param place the place and date line ("Bắc Kạn, ngày … tháng … năm …")
 * @param signer who signs, printed under the body
 */
record PaperContent(
        PaperKind kind,
        String code,
        String dossierCode,
        Instant issuedAt,
        String agencyName,
        String place,
        List<Block> blocks,
        String signerTitle,
        String signer) {

    sealed interface Block {}

    /** A paragraph; {@code bold} for emphasis. */
    record Text(String text, boolean bold) implements Block {}

    /** "Label: value" on one line, wrapped when long. */
    record Field(String label, String value) implements Block {}

    /** A table with its column headers and relative column widths. */
    record Table(List<String> headers, List<Float> widths, List<List<String>> rows) implements Block {}

    static Text text(String text) {
        return new Text(text, false);
    }

    static Text bold(String text) {
        return new Text(text, true);
    }

    static Field field(String label, String value) {
        return new Field(label, value == null ? "" : value);
    }
}
