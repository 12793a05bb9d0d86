package eu.emistreams.sampledata;

/** How the tables of a generated release are stored: plain CSV, gzipped, or one zip per table. */
public enum FileCompression {
    NONE(""), GZIP(".gz"), ZIP(".zip");

    private final String suffix;

    FileCompression(String suffix) {
        this.suffix = suffix;
    }

    /** The suffix after {@code .csv} in the file name. */
    public String suffix() {
        return suffix;
    }
}
