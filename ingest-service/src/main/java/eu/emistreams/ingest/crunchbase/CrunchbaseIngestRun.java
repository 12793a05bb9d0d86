package eu.emistreams.ingest.crunchbase;

import eu.emistreams.events.EventTopics;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.ingest.job.IngestJob;
import eu.emistreams.ingest.keyed.KeyedIngestRun;
import eu.emistreams.ingest.keyed.RowOutcome;
import eu.emistreams.ingest.keyed.RowRejection;
import eu.emistreams.ingest.publish.EventSink;
import eu.emistreams.ingest.source.CsvRow;
import eu.emistreams.ingest.source.CsvTable;
import eu.emistreams.ingest.source.ReleaseFiles;
import eu.emistreams.ingest.source.TableFile;
import eu.emistreams.ingest.store.ValueCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * One ingest of one Crunchbase bulk export: organizations.csv is loaded into the work store keyed
 * by uuid, so that funding_rounds.csv joins to it row by row in bounded memory, whatever the
 * export's size. An organization row counts as published when a published round references it,
 * else as {@code ignored.organization_without_round}.
 */
public final class CrunchbaseIngestRun extends KeyedIngestRun<FundingRound> {

    public static final String SOURCE = "crunchbase";

    private static final String ORGANIZATIONS = "organizations";
    private static final String ORGANIZATIONS_USED = "organizations-used";
    private static final byte[] EMPTY = new byte[0];

    private final ValueCodec.Writer writer = new ValueCodec.Writer();
    private ColumnFamilyHandle organizations;
    private ColumnFamilyHandle organizationsUsed;

    public CrunchbaseIngestRun(IngestJob job, Path sourceStateDirectory, EventSink sink, long storeMemoryBytes) {
        super(SOURCE, EventTopics.CRUNCHBASE_ROUNDS.name(), FundingRound.class, job, sourceStateDirectory, sink, storeMemoryBytes);
    }

    /** Whether a directory holds a Crunchbase export (its organizations table, in any storage variant). */
    public static boolean holdsRelease(Path directory) {
        for (TableFile.Compression compression : TableFile.Compression.values()) {
            if (java.nio.file.Files.isRegularFile(directory.resolve(CrunchbaseRules.ORGANIZATIONS + compression.suffix()))) {
                return true;
            }
        }
        return false;
    }

    /** organizations.csv and funding_rounds.csv, in that order, each with its required columns. */
    public static List<TableFile> locateAndCheck(Path directory) throws IOException {
        Map<String, TableFile> files = ReleaseFiles.locate(directory,
                List.of(CrunchbaseRules.ORGANIZATIONS, CrunchbaseRules.FUNDING_ROUNDS));
        TableFile organizations = files.get(CrunchbaseRules.ORGANIZATIONS);
        TableFile rounds = files.get(CrunchbaseRules.FUNDING_ROUNDS);
        CsvTable.check(organizations, CrunchbaseRules.ORGANIZATION_COLUMNS);
        CsvTable.check(rounds, CrunchbaseRules.ROUND_COLUMNS);
        return List.of(organizations, rounds);
    }

    @Override
    protected List<TableFile> locate() throws IOException {
        return locateAndCheck(job.releasePath());
    }

    @Override
    protected List<String> extraFamilies() {
        return List.of(ORGANIZATIONS, ORGANIZATIONS_USED);
    }

    @Override
    protected void load(List<TableFile> files) throws IOException {
        organizations = store().family(ORGANIZATIONS);
        organizationsUsed = store().family(ORGANIZATIONS_USED);
        readRows(files.get(0), CrunchbaseRules.ORGANIZATION_COLUMNS, this::loadOrganization);
        readRows(files.get(1), CrunchbaseRules.ROUND_COLUMNS, this::loadRound);
    }

    private void loadOrganization(TableFile file, CsvRow row) {
        CrunchbaseRules.Organization organization;
        try {
            organization = CrunchbaseRules.organization(row);
        } catch (RowRejection rejection) {
            reject(file, row, rejection.detail(), rejection.getMessage());
            return;
        }
        byte[] key = organization.uuid().getBytes(StandardCharsets.UTF_8);
        byte[] existing = store().get(organizations, key);
        if (existing != null) {
            reject(file, row, "duplicate_key", "uuid " + organization.uuid() + " appears more than once (first on line "
                    + decode(organization.uuid(), existing).line() + ")");
            return;
        }
        store().put(organizations, key, writer.reset().putLong(organization.line()).putString(organization.name())
                .putString(organization.countryCode()).putString(organization.categoryList()).toBytes());
    }

    private void loadRound(TableFile file, CsvRow row) {
        RowOutcome<FundingRound> outcome = CrunchbaseRules.round(row, uuid -> {
            byte[] value = store().get(organizations, uuid.getBytes(StandardCharsets.UTF_8));
            return value == null ? null : decode(uuid, value);
        });
        if (outcome instanceof RowOutcome.Publish<FundingRound> publish) {
            if (stage(file, row, publish.key(), publish.event())) {
                publish.notes().forEach(note -> accounting.note(note, 1));
                store().put(organizationsUsed, publish.event().getOrgUuid().getBytes(StandardCharsets.UTF_8), EMPTY);
            }
        } else {
            apply(file, row, outcome);
        }
    }

    /** Organizations are counted once every round is known: published if a published round names them. */
    @Override
    protected void finishAccounting() {
        job.phase("counting organizations");
        try (RocksIterator all = store().scan(organizations); RocksIterator used = store().scan(organizationsUsed)) {
            used.seekToFirst();
            for (all.seekToFirst(); all.isValid(); all.next()) {
                byte[] uuid = all.key();
                while (used.isValid() && Arrays.compareUnsigned(used.key(), uuid) < 0) {
                    used.next();
                }
                if (used.isValid() && Arrays.equals(used.key(), uuid)) {
                    accounting.published(1);
                } else {
                    accounting.ignored("organization_without_round", 1);
                }
            }
        }
    }

    @Override
    protected void setRelease(FundingRound event, String release) {
        event.setSourceRelease(release);
    }

    private static CrunchbaseRules.Organization decode(String uuid, byte[] value) {
        ValueCodec.Reader in = new ValueCodec.Reader(value);
        return new CrunchbaseRules.Organization(in.getLong(), uuid, in.getString(), in.getString(), in.getString());
    }
}
