package fr.mediance.bench;

import java.util.Arrays;

/** Small order statistics for benchmark samples. */
final class Stats {
    private Stats() {}

    static long median(long[] samples) {
        return percentile(samples, 50);
    }

    static long percentile(long[] samples, int p) {
        long[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, rank))];
    }
}
