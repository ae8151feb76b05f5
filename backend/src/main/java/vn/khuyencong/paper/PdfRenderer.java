package vn.khuyencong.paper;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.khuyencong.shared.VietnamTime;

/**
 * Draws a paper with PDFBox. Deterministic by construction: the text is laid out from the content alone, the font
 * (DejaVu Serif, which has every Vietnamese glyph) is embedded as a subset named from the glyphs used, the QR code
 * is drawn as vector squares, and the document's dates and file identifier come from the content instead of the
 * clock. The same content therefore always gives the same bytes, and the same SHA-256.
 */
final class PdfRenderer {

    private static final byte[] REGULAR = font("/fonts/DejaVuSerif.ttf");
    private static final byte[] BOLD = font("/fonts/DejaVuSerif-Bold.ttf");
    /**
     * Fonts parsed once and lent to one rendering at a time: parsing both files again for every paper was about a
     * quarter of a paper's CPU. A parsed font is only read while embedding (the subset comes from the glyphs the
     * paper uses), so a lent font gives the same bytes as a fresh one. Kept: as many as render at once, at most
     * {@link #KEPT_FONTS}.
     */
    private static final int KEPT_FONTS = 4;

    private static final BlockingQueue<Fonts> PARSED = new ArrayBlockingQueue<>(KEPT_FONTS);
    private static final float MARGIN = 36;
    private static final float QR_SIZE = 64;
    private static final float FOOTER = QR_SIZE + 12;

    private PdfRenderer() {}

    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {

        static Fonts parse() throws IOException {
            return new Fonts(
                    new TTFParser().parse(new RandomAccessReadBuffer(REGULAR)),
                    new TTFParser().parse(new RandomAccessReadBuffer(BOLD)));
        }
    }

    static byte[] render(PaperContent content, String verificationUrl) {
        Fonts fonts = PARSED.poll();
        try {
            byte[] pdf = render(content, verificationUrl, fonts != null ? fonts : (fonts = Fonts.parse()));
            // lent back only after a rendering that went through: a failed one may have left a font half read
            PARSED.offer(fonts);
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] render(PaperContent content, String verificationUrl, Fonts fonts) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = PDType0Font.load(document, fonts.regular(), true);
            PDFont bold = PDType0Font.load(document, fonts.bold(), true);
            Writer writer = new Writer(document, content, regular, bold, verificationUrl);
            writer.write();
            writer.close();

            PDDocumentInformation info = document.getDocumentInformation();
            Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(VietnamTime.ZONE));
            issued.setTimeInMillis(content.issuedAt().toEpochMilli() / 1000 * 1000);
            info.setTitle(content.kind().title() + " " + content.code());
            info.setSubject("Hồ sơ " + content.dossierCode());
            info.setAuthor(content.agencyName());
            info.setCreator("Khuyến công Online");
            info.setProducer("Khuyến công Online");
            info.setCreationDate(issued);
            info.setModificationDate(issued);
            // the file identifier is otherwise made from the clock: derive it from the paper's code
            byte[] id = md5(content.code());
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** Lays the blocks out top to bottom, opening a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final PaperContent content;
        private final PDFont regular;
        private final PDFont bold;
        private final String url;
        private final PDRectangle size;
        private final float width;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PaperContent content, PDFont regular, PDFont bold, String url) {
            this.document = document;
            this.content = content;
            this.regular = regular;
            this.bold = bold;
            this.url = url;
            this.size = content.kind().pageSize();
            this.width = size.getWidth() - 2 * MARGIN;
        }

        void write() throws IOException {
            newPage();
            header();
            for (PaperContent.Block block : content.blocks()) {
                switch (block) {
                    case PaperContent.Text text -> paragraph(text.text(), text.bold() ? bold : regular, 10, 0);
                    case PaperContent.Field field -> paragraph(field.label() + ": " + field.value(), regular, 10, 0);
                    case PaperContent.Table table -> table(table);
                }
                y -= 3;
            }
            signature();
        }

        private void header() throws IOException {
            float half = width / 2 - 6;
            float top = y;
            float left = centredLines(List.of(upper(content.agencyName())), bold, 8.5f, MARGIN, half, top);
            float right = centredLines(
                    List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), bold, 8.5f, MARGIN + half + 12, half, top);
            right = centredLines(List.of("Độc lập - Tự do - Hạnh phúc"), bold, 9, MARGIN + half + 12, half, right);
            y = Math.min(left, right) - 16;
            String placeLine = content.place();
            float w = textWidth(placeLine, regular, 9);
            show(placeLine, regular, 9, MARGIN + width - w, y);
            y -= 18;
            if (content.kind().form() != null) {
                centred(content.kind().form(), regular, 8, y);
                y -= 13;
            }
            for (String line : wrap(upper(content.kind().title()), bold, 11.5f, width)) {
                centred(line, bold, 11.5f, y);
                y -= 15;
            }
            centred("Số: " + content.code(), regular, 9, y);
            y -= 18;
        }

        private void signature() throws IOException {
            ensure(60);
            float x = MARGIN + width / 2;
            float column = width / 2;
            y -= 6;
            float after = centredLines(List.of(upper(content.signerTitle())), bold, 9, x, column, y);
            after = centredLines(List.of("(Đã ký điện tử trên hệ thống)"), regular, 8, x, column, after);
            centredLines(List.of(content.signer()), bold, 9.5f, x, column, after - 12);
            y = after - 30;
        }

        private void paragraph(String text, PDFont font, float fontSize, float indent) throws IOException {
            for (String line : wrap(text, font, fontSize, width - indent)) {
                ensure(fontSize + 4);
                show(line, font, fontSize, MARGIN + indent, y);
                y -= fontSize + 4;
            }
        }

        private void table(PaperContent.Table table) throws IOException {
            float total = 0;
            for (float w : table.widths()) {
                total += w;
            }
            float[] columns = new float[table.widths().size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = width * table.widths().get(i) / total;
            }
            row(table.headers(), columns, bold);
            for (List<String> cells : table.rows()) {
                row(cells, columns, regular);
            }
            y -= 4;
        }

        private void row(List<String> cells, float[] columns, PDFont font) throws IOException {
            float fontSize = 7.5f;
            float leading = fontSize + 2.5f;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < columns.length; i++) {
                List<String> cell = wrap(i < cells.size() ? cells.get(i) : "", font, fontSize, columns[i] - 4);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * leading + 4;
            ensure(height);
            float x = MARGIN;
            for (int i = 0; i < columns.length; i++) {
                stream.setLineWidth(0.4f);
                stream.addRect(x, y - height, columns[i], height);
                stream.stroke();
                float lineY = y - 2 - fontSize;
                for (String line : wrapped.get(i)) {
                    show(line, font, fontSize, x + 2, lineY);
                    lineY -= leading;
                }
                x += columns[i];
            }
            y -= height;
        }

        /** Opens a new page when fewer than {@code needed} points are left above the footer. */
        private void ensure(float needed) throws IOException {
            if (y - needed < MARGIN + FOOTER) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(size);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            footer();
            y = size.getHeight() - MARGIN;
        }

        /** On every page: the QR code to the verification page, the paper's code and where to check it. */
        private void footer() throws IOException {
            float x = MARGIN;
            float bottom = MARGIN - 12;
            qr(url, x, bottom, QR_SIZE);
            float textX = x + QR_SIZE + 8;
            float textWidth = width - QR_SIZE - 8;
            float lineY = bottom + QR_SIZE - 9;
            List<String> lines = new ArrayList<>();
            lines.add("Mã giấy: " + content.code() + " — Hồ sơ: " + content.dossierCode());
            lines.addAll(wrap(
                    "Quét mã QR hoặc mở " + url
                            + " để đối chiếu giấy này với hệ thống (mã, ngày cấp và mã băm SHA-256 của tệp).",
                    regular,
                    7,
                    textWidth));
            for (String line : lines) {
                show(line, regular, 7, textX, lineY);
                lineY -= 9;
            }
        }

        private void qr(String text, float x, float y, float side) throws IOException {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.MARGIN, 0);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            } catch (WriterException e) {
                throw new IllegalStateException("QR code not encodable: " + text, e);
            }
            float module = side / matrix.getWidth();
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int column = 0; column < matrix.getWidth(); column++) {
                    if (matrix.get(column, row)) {
                        stream.addRect(x + column * module, y + side - (row + 1) * module, module, module);
                    }
                }
            }
            stream.fill();
        }

        private float centredLines(List<String> texts, PDFont font, float fontSize, float x, float column, float top)
                throws IOException {
            float lineY = top;
            for (String text : texts) {
                for (String line : wrap(text, font, fontSize, column)) {
                    lineY -= fontSize + 2;
                    show(line, font, fontSize, x + (column - textWidth(line, font, fontSize)) / 2, lineY);
                }
            }
            return lineY;
        }

        private void centred(String line, PDFont font, float fontSize, float lineY) throws IOException {
            show(line, font, fontSize, MARGIN + (width - textWidth(line, font, fontSize)) / 2, lineY);
        }

        private void show(String text, PDFont font, float fontSize, float x, float lineY) throws IOException {
            stream.beginText();
            stream.setFont(font, fontSize);
            stream.newLineAtOffset(x, lineY);
            stream.showText(drawable(clean(text), font));
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }
    }

    /**
     * Greedy word wrap; a word longer than the line is cut. Text is normalised to NFC (precomposed letters). A line's
     * width is the sum of its glyphs' widths, so each word is measured once and added to the line's, instead of the
     * whole line being measured again for every word.
     */
    static List<String> wrap(String text, PDFont font, float fontSize, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        float space = textWidth(" ", font, fontSize);
        for (String paragraph : drawable(clean(text), font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : paragraph.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                float wordWidth = textWidth(word, font, fontSize);
                float candidateWidth = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
                if (candidateWidth <= maxWidth) {
                    if (!line.isEmpty()) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = candidateWidth;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                float restWidth = wordWidth;
                while (restWidth > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && textWidth(rest.substring(0, cut), font, fontSize) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                    restWidth = textWidth(rest, font, fontSize);
                }
                line.append(rest);
                lineWidth = restWidth;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Characters the font has no glyph for (emoji, rare symbols) become "?" instead of failing the paper. */
    static String drawable(String text, PDFont font) {
        try {
            font.encode(text.replace("\n", ""));
            return text;
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                String one = new String(Character.toChars(c));
                try {
                    font.encode(c == '\n' ? " " : one);
                    out.append(one);
                } catch (IOException | IllegalArgumentException missing) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    static float textWidth(String text, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(text) / 1000 * fontSize;
    }

    /** NFC, tabs and control characters as spaces: what the font can draw. */
    static String clean(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\r') {
                // dropped
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String upper(String text) {
        return text == null ? "" : text.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the application: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
