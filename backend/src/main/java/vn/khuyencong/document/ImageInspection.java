package vn.khuyencong.document;

import static vn.khuyencong.document.FileInspection.refused;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.khuyencong.shared.ProblemException;

/**
 * A photo or a scan (PNG, JPEG) looked into before it is kept, from a copy on disk: its dimensions are read from the
 * header, before any decoding, and refused above the pixel limit (a few kilobytes can declare 50,000 × 50,000
 * pixels); then the whole file is decoded, subsampled so that memory stays small whatever the size, so that a
 * truncated or corrupt image (which an officer's viewer would choke on or render half grey) is refused too.
 */
final class ImageInspection implements FileInspection {

    static final Set<String> TYPES = Set.of("image/png", "image/jpeg");

    /** Decoded pixels at most, whatever the image: about 16 MB of memory for the check. */
    static final long DECODED_PIXELS = 4_000_000;

    private final long maxPixels;

    ImageInspection(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public boolean applies(String contentType) {
        return TYPES.contains(contentType);
    }

    @Override
    public void inspect(Path copy, String contentType, String fileName) {
        try (ImageInputStream in = ImageIO.createImageInputStream(copy.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
            if (in == null || !readers.hasNext()) {
                throw refused(fileName, "không đọc được ảnh");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > maxPixels) {
                    throw refused(
                            fileName,
                            "ảnh có kích thước " + width + " × " + height + " điểm ảnh, vượt mức cho phép ("
                                    + maxPixels / 1_000_000 + " triệu điểm ảnh)");
                }
                boolean[] damaged = {false};
                reader.addIIOReadWarningListener((source, warning) -> damaged[0] = true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                if (damaged[0]) {
                    throw refused(fileName, "ảnh bị cắt cụt hoặc hỏng");
                }
            } finally {
                reader.dispose();
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused(fileName, "ảnh bị cắt cụt hoặc hỏng");
        }
    }
}
