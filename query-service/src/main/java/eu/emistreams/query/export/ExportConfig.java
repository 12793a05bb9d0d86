package eu.emistreams.query.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bounds of the data packages, under {@code emi.query.export}. */
@ConfigMapping(prefix = "emi.query.export")
public interface ExportConfig {

    /** Above this many rows {@code GET /api/export} answers 413 rather than build a huge file. */
    @WithDefault("200000")
    int maxRows();
}
