package vn.khuyencong.document;

import static vn.khuyencong.document.FileInspection.refused;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.khuyencong.shared.ProblemException;

/**
 * A PDF looked into before it is kept, from a copy on disk: parsed by PDFBox with its buffers held to a memory limit
 * (beyond it they spill to a temporary file; page content and images are never decoded), then every object its
 * cross-reference table lists is read, with the dictionaries nested in it, wherever it sits (catalogue, pages,
 * annotations, form fields, name trees, or nowhere at all): a PDF is refused when any carries active content an
 * officer's reader would run or hand over — JavaScript, a launch action, a form that submits or imports data, an
 * embedded or attached file, rich media, an XFA form. A PDF that needs a password to open, or that cannot be parsed,
 * is refused too: the service could neither inspect it nor show it.
 */
final class PdfInspection implements FileInspection {

    static final String TYPE = "application/pdf";

    /** Action types (the value of {@code /S}) that run something or send something. */
    private static final Map<COSName, String> ACTIONS = Map.of(
            COSName.JAVA_SCRIPT,
            "tệp PDF chứa mã JavaScript",
            COSName.getPDFName("Launch"),
            "tệp PDF chứa lệnh mở chương trình hoặc tệp khác (Launch)",
            COSName.getPDFName("SubmitForm"),
            "tệp PDF có biểu mẫu gửi dữ liệu ra ngoài (SubmitForm)",
            COSName.getPDFName("ImportData"),
            "tệp PDF có lệnh nhập dữ liệu từ tệp khác (ImportData)",
            COSName.getPDFName("Rendition"),
            "tệp PDF chứa lệnh phát nội dung đa phương tiện (Rendition)",
            COSName.getPDFName("GoToE"),
            "tệp PDF chứa lệnh mở tài liệu nhúng bên trong (GoToE)");

    /** Keys whose mere presence means active or embedded content. */
    private static final Map<COSName, String> KEYS = Map.of(
            COSName.JS,
            "tệp PDF chứa mã JavaScript",
            COSName.EMBEDDED_FILES,
            "tệp PDF có tệp đính kèm bên trong",
            COSName.EF,
            "tệp PDF có tệp đính kèm bên trong",
            COSName.getPDFName("XFA"),
            "tệp PDF chứa biểu mẫu động XFA (có thể chạy mã)",
            COSName.getPDFName("RichMediaContent"),
            "tệp PDF chứa nội dung đa phương tiện chủ động (RichMedia)");

    /** Values of {@code /Type} or {@code /Subtype} that mean embedded or rich content. */
    private static final Map<COSName, String> KINDS = Map.of(
            COSName.EMBEDDED_FILE,
            "tệp PDF có tệp đính kèm bên trong",
            COSName.getPDFName("FileAttachment"),
            "tệp PDF có tệp đính kèm bên trong",
            COSName.getPDFName("RichMedia"),
            "tệp PDF chứa nội dung đa phương tiện chủ động (RichMedia)");

    private final DocumentProperties.Pdf limits;

    PdfInspection(DocumentProperties.Pdf limits) {
        this.limits = limits;
    }

    @Override
    public boolean applies(String contentType) {
        return TYPE.equals(contentType);
    }

    @Override
    public void inspect(Path copy, String contentType, String fileName) {
        MemoryUsageSetting memory =
                MemoryUsageSetting.setupMixed(limits.parseMemory().toBytes());
        try (PDDocument pdf = Loader.loadPDF(copy.toFile(), "", null, null, memory.streamCache)) {
            COSDocument document = pdf.getDocument();
            Map<COSObjectKey, Long> objects = document.getXrefTable();
            if (objects.size() > limits.maxObjects()) {
                throw refused(
                        fileName,
                        "tệp PDF có " + objects.size() + " đối tượng, nhiều hơn mức cho phép (" + limits.maxObjects()
                                + ")");
            }
            look(document.getTrailer(), fileName);
            for (COSObjectKey key : objects.keySet()) {
                COSObject object = document.getObjectFromPool(key);
                look(object == null ? null : object.getObject(), fileName);
            }
        } catch (InvalidPasswordException e) {
            throw refused(fileName, "tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại");
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused(fileName, "tệp PDF bị hỏng hoặc không đọc được");
        }
    }

    /** Looks at one object and everything nested in it directly; references are looked at as objects of their own. */
    private static void look(COSBase root, String fileName) {
        Deque<COSBase> pending = new ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        while (!pending.isEmpty()) {
            COSBase base = pending.pop();
            if (base instanceof COSDictionary dictionary) {
                check(dictionary, fileName);
                for (COSBase value : dictionary.getValues()) {
                    if (value instanceof COSDictionary || value instanceof COSArray) {
                        pending.push(value);
                    }
                }
            } else if (base instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    COSBase value = array.get(i);
                    if (value instanceof COSDictionary || value instanceof COSArray) {
                        pending.push(value);
                    }
                }
            }
        }
    }

    private static void check(COSDictionary dictionary, String fileName) {
        if (dictionary.getDictionaryObject(COSName.S) instanceof COSName action && ACTIONS.containsKey(action)) {
            throw refused(fileName, ACTIONS.get(action));
        }
        for (Map.Entry<COSName, String> key : KEYS.entrySet()) {
            if (dictionary.containsKey(key.getKey())) {
                throw refused(fileName, key.getValue());
            }
        }
        for (COSName kind : new COSName[] {COSName.TYPE, COSName.SUBTYPE}) {
            if (dictionary.getDictionaryObject(kind) instanceof COSName name && KINDS.containsKey(name)) {
                throw refused(fileName, KINDS.get(name));
            }
        }
    }
}
