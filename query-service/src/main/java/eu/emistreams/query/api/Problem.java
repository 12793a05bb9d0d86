package eu.emistreams.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error body in the shape of RFC 9457 problem details. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "What went wrong, as RFC 9457 problem details")
public record Problem(
        @Schema(description = "Short summary, e.g. Unknown country") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What exactly is wrong and how to fix it") String detail,
        @Schema(description = "The query parameter at fault, if one is") String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String title, int status, String detail) {
        this(title, status, detail, null);
    }
}
