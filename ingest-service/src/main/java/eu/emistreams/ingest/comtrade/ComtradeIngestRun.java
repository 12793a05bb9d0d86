package eu.emistreams.ingest.comtrade;

import eu.emistreams.events.Topics;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.keyed.KeyedIngestRun;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.source.CsvTable;
import eu.emistreams.ingest.source.SourceFiles;
import eu.emistreams.ingest.source.TableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One ingest of one UN Comtrade release: every CSV file of the path, rows by {@link ComtradeRules}. */
public final class ComtradeIngestRun extends KeyedIngestRun<TradeFlow> {

    public static final String SOURCE = "comtrade";

    public ComtradeIngestRun(IngestJob job, Path sourceStateDirectory, EventSink sink, long storeMemoryBytes) {
        super(SOURCE, Topics.COMTRADE_FLOWS, TradeFlow.class, job, sourceStateDirectory, sink, storeMemoryBytes);
    }

    /** The CSV files of a file or directory, each with the required columns. */
    public static List<TableFile> locateAndCheck(Path path) throws IOException {
        List<TableFile> files = SourceFiles.csvFiles(path);
        for (TableFile file : files) {
            CsvTable.check(file, ComtradeRules.REQUIRED_COLUMNS);
        }
        return files;
    }

    @Override
    protected List<TableFile> locate() throws IOException {
        return locateAndCheck(job.releasePath());
    }

    @Override
    protected void load(List<TableFile> files) throws IOException {
        for (TableFile file : files) {
            readRows(file, ComtradeRules.REQUIRED_COLUMNS, (table, row) -> apply(table, row, ComtradeRules.classify(row)));
        }
    }

    @Override
    protected void setRelease(TradeFlow event, String release) {
        event.setSourceRelease(release);
    }
}
