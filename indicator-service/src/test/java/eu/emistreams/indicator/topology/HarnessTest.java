package eu.emistreams.indicator.topology;

import eu.emistreams.indicator.store.StateStoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The topology tests worked out by hand: each test gets a fresh {@link IndicatorTopologyHarness}
 * on RocksDB stores, the service's default (the property tests use in-memory stores for speed).
 */
abstract class HarnessTest {

    /** Hand-worked values are exact in double: no tolerance. */
    static final double EXACT = 0.0;

    IndicatorTopologyHarness topology;

    @BeforeEach
    void startTopology() {
        topology = new IndicatorTopologyHarness(StateStoreKind.ROCKSDB);
    }

    @AfterEach
    void stopTopology() {
        topology.close();
    }
}
