package eu.emistreams.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.io.input.ObservableInputStream;

/**
 * One table of a release on disk: {@code <table>.csv}, {@code <table>.csv.gz} or a
 * {@code <table>.csv.zip} holding the CSV as its only file.
 */
public record TableFile(String table, Path path, Compression compression) {

    /** How the CSV is stored on disk. */
    public enum Compression {
        NONE(".csv"), GZIP(".csv.gz"), ZIP(".csv.zip");

        private final String suffix;

        Compression(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public long size() throws IOException {
        return Files.size(path);
    }

    /**
     * Opens the decompressed CSV bytes. Every byte read from the file on disk (compressed
     * bytes for .gz and .zip) is added to {@code bytesRead}, which is what progress is measured in.
     */
    public InputStream open(AtomicLong bytesRead) throws IOException {
        InputStream raw = new ObservableInputStream(Files.newInputStream(path), new ByteCounter(bytesRead));
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        try {
            return switch (compression) {
                case NONE -> buffered;
                case GZIP -> new GZIPInputStream(buffered, 1 << 16);
                case ZIP -> firstFileOfZip(buffered);
            };
        } catch (IOException e) {
            buffered.close();
            throw new UnreadableInputException(fileName() + ": not a readable "
                    + (compression == Compression.GZIP ? "gzip" : "zip") + " file (" + e.getMessage() + ")", e);
        }
    }

    private InputStream firstFileOfZip(InputStream in) throws IOException {
        ZipArchiveInputStream zip = new ZipArchiveInputStream(in);
        ZipArchiveEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (!entry.isDirectory()) {
                return zip;
            }
        }
        zip.close();
        throw new UnreadableInputException(fileName() + ": the zip file holds no file");
    }

    private static final class ByteCounter extends ObservableInputStream.Observer {
        private final AtomicLong bytesRead;

        ByteCounter(AtomicLong bytesRead) {
            this.bytesRead = bytesRead;
        }

        @Override
        public void data(int value) {
            bytesRead.incrementAndGet();
        }

        @Override
        public void data(byte[] buffer, int offset, int length) {
            bytesRead.addAndGet(length);
        }
    }
}
