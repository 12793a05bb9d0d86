package eu.emistreams.query.factsheet;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the fact sheet shows beside the country (issue 15): the EU27 as one economy, whose country
 * share is a reference tick in Figures 1, 4 and 7, and the peers US, CN, JP and KR, whose world
 * shares are lines beside the country's in Figures 5 and 8. Only values that exist are held: a
 * code or year without one draws nothing.
 *
 * @param eu27CountryShares the EU27's patent.country_share per code, of the country's patent year
 * @param peerWorldShares per peer, per code, its patent.world_share by year over the country's trend window
 */
public record Benchmarks(Map<String, Double> eu27CountryShares,
        Map<String, Map<String, SortedMap<Integer, Double>>> peerWorldShares) {

    public static final Benchmarks NONE = new Benchmarks(Map.of(), Map.of());

    public Benchmarks {
        eu27CountryShares = Map.copyOf(eu27CountryShares);
        Map<String, Map<String, SortedMap<Integer, Double>>> peers = new HashMap<>();
        peerWorldShares.forEach((peer, byCode) -> {
            Map<String, SortedMap<Integer, Double>> series = new HashMap<>();
            byCode.forEach((code, values) -> series.put(code, Collections.unmodifiableSortedMap(new TreeMap<>(values))));
            peers.put(peer, Map.copyOf(series));
        });
        peerWorldShares = Map.copyOf(peers);
    }
}
