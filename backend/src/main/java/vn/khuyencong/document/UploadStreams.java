package vn.khuyencong.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/** The streams an upload passes through on its way to storage: nothing here holds more than a read's worth. */
final class UploadStreams {

    private UploadStreams() {}

    /** The file is larger than the limit: reading stops at the first byte over it. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("upload over the size limit");
        }
    }

    /** The client sends its body more slowly than the minimum rate. */
    static final class TooSlow extends IOException {
        TooSlow() {
            super("upload slower than the minimum rate");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Counts and hashes what passes through, and refuses to pass more than {@code max} bytes. */
    static final class Measured extends FilterInputStream {

        private final MessageDigest digest = UploadStreams.sha256();
        private final long max;
        private long count;

        Measured(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new TooLarge();
                }
                digest.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            return 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        long count() {
            return count;
        }

        private String hex;

        /** The SHA-256 of everything read; reading ends with the first call. */
        String sha256() {
            if (hex == null) {
                hex = hex(digest);
            }
            return hex;
        }
    }

    /**
     * Cuts off a client whose average rate since the start stays under {@code minBytesPerSecond} once the grace
     * period is over: a trickling body would otherwise hold a request thread for as long as it likes. (A client
     * that sends nothing at all is cut off by the server's read timeout.)
     */
    static final class RateGuarded extends FilterInputStream {

        private final long minBytesPerSecond;
        private final long graceNanos;
        private final LongSupplier clock;
        private final long start;
        private long count;

        RateGuarded(InputStream in, long minBytesPerSecond, long graceNanos, LongSupplier nanoClock) {
            super(in);
            this.minBytesPerSecond = minBytesPerSecond;
            this.graceNanos = graceNanos;
            this.clock = nanoClock;
            this.start = nanoClock.getAsLong();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            check();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            check();
            return n;
        }

        private void check() throws TooSlow {
            long elapsed = clock.getAsLong() - start;
            if (minBytesPerSecond > 0 && elapsed > graceNanos && count * 1_000_000_000d / elapsed < minBytesPerSecond) {
                throw new TooSlow();
            }
        }
    }

    /** Whether {@code e} or one of its causes is of {@code type}. */
    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
