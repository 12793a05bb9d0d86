package eu.emistreams.sampledata;

import java.util.SplittableRandom;

/**
 * Stateless seeded hashing. Every generated value is a pure function of (seed, slot, version,
 * purpose), so a revision can regenerate an unchanged application byte for byte without reading
 * the previous release back.
 */
final class SeededHash {

    private SeededHash() {
    }

    /** SplitMix64 finaliser: a bijective 64-bit mixer with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long a, long b, long purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ a * 0xC2B2AE3D27D4EB4FL);
        h = mix(h ^ b * 0x165667B19E3779F9L);
        return mix(h ^ purpose * 0x27D4EB2F165667C5L);
    }

    /** A uniform double in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    static SplittableRandom random(long seed, long a, long b, long purpose) {
        return new SplittableRandom(hash(seed, a, b, purpose));
    }
}
