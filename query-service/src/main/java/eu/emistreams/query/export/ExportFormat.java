package eu.emistreams.query.export;

import eu.emistreams.query.serving.MalformedParameterException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The formats of a data package: chosen by {@code format=}, else by {@code Accept}, else CSV. */
public enum ExportFormat {

    CSV("csv", ExportFormat.CSV_MEDIA_TYPE),
    XLSX("xlsx", ExportFormat.XLSX_MEDIA_TYPE);

    public static final String CSV_MEDIA_TYPE = "text/csv";
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The content type of the answer: CSV says its charset. */
    public String contentType() {
        return this == CSV ? CSV_MEDIA_TYPE + ";charset=UTF-8" : XLSX_MEDIA_TYPE;
    }

    /**
     * The {@code format} parameter wins; without it, the first of the acceptable media types (in the
     * client's order of preference) that names a format; CSV when none does ({@code *}{@code /*}).
     *
     * @throws MalformedParameterException a format other than csv or xlsx
     */
    public static ExportFormat choose(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            for (ExportFormat candidate : values()) {
                if (candidate.extension.equals(wanted)) {
                    return candidate;
                }
            }
            throw new MalformedParameterException("format", "format must be csv or xlsx, got '" + format + "'");
        }
        for (MediaType type : acceptable == null ? List.<MediaType>of() : acceptable) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            for (ExportFormat candidate : values()) {
                if (type.isCompatible(MediaType.valueOf(candidate.mediaType))) {
                    return candidate;
                }
            }
        }
        return CSV;
    }
}
