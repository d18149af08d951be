package dev.gilsim.results;

import dev.gilsim.metrics.NamedLatency;
import dev.gilsim.metrics.NamedSeries;
import dev.gilsim.run.RunResult;
import dev.gilsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A finished run of one scenario file, every variant, as the output folder shows it: what
 * {@code gilsim run} hands to the writers, and what {@code gilsim chart} reads back from disk.
 */
public record RunData(String scenario, String title, String description, String source, List<VariantData> variants,
        Provenance provenance) {

    public RunData {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one variant");
        }
    }

    /** A run without its provenance (tests; runs saved by earlier versions): the report leaves it out. */
    public static RunData of(List<RunResult> results) {
        return of(results, null);
    }

    public static RunData of(List<RunResult> results, Provenance provenance) {
        Scenario s = results.get(0).scenario();
        List<VariantData> variants = new ArrayList<>();
        for (RunResult r : results) {
            Scenario v = r.scenario();
            variants.add(VariantData.of(v.variant(), v.variantDescription(), Parameters.of(v), r.latencies(),
                    ThreadFigures.of(r), r.timeline(), r.series().stream().filter(n -> !n.series().isEmpty()).toList(),
                    EndpointRequests.of(r)));
        }
        return new RunData(s.name(), s.title(), s.description(), s.source().replace('\\', '/'), variants,
                provenance);
    }

    /** Every latency key of any variant ({@code return_delay:app/sleeper}), in order of first appearance. */
    public List<String> latencyKeys() {
        Set<String> keys = new LinkedHashSet<>();
        variants.forEach(v -> v.latencies().forEach(l -> keys.add(l.key())));
        return List.copyOf(keys);
    }

    /**
     * The latency keys as the charts and tables show them: the copies of a thread declared with
     * {@code count: N} as one key, the declared name's ({@link CopyGroup}), where the first copy
     * was; in order of first appearance.
     */
    public List<String> pooledLatencyKeys() {
        Map<String, String> groupOf = new HashMap<>();
        for (VariantData v : variants) {
            for (CopyGroup g : v.copies()) {
                g.members().forEach(m -> groupOf.put(m, g.key()));
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String key : latencyKeys()) {
            keys.add(groupOf.getOrDefault(key, key));
        }
        return List.copyOf(keys);
    }

    /** At most this many latencies or series are charted and tabled; percentiles.csv keeps every one. */
    public static final int MAX_HEADLINE_KEYS = 12;

    /**
     * The keys worth a chart and a table row. A server's headline figures (loop lag, endpoint
     * latency, jobs' time to result) when it has any, since a per-request pool can start hundreds
     * of threads; otherwise the threads' own figures. Never more than {@link #MAX_HEADLINE_KEYS},
     * in the run's order.
     */
    public static List<String> headline(List<String> keys) {
        return headline(keys, SERVER_LATENCIES);
    }

    private static final List<String> SERVER_LATENCIES = List.of("loop_lag:", "latency:", "time_to_result:");

    /**
     * The latencies worth a chart and a table row ({@link #headline(List)}), where a run of threads
     * alone with more than {@value #MAX_HEADLINE_KEYS} keeps the ones that waited longest, longest
     * first (the highest p99 of any variant; the earlier in the run on a tie): the first twelve of
     * 10,000 threads were twelve idle ones that never waited.
     */
    public List<String> headlineLatencies() {
        List<String> keys = pooledLatencyKeys();
        boolean server = keys.stream().anyMatch(k -> SERVER_LATENCIES.stream().anyMatch(k::startsWith));
        if (server || keys.size() <= MAX_HEADLINE_KEYS) {
            return headline(keys);
        }
        Map<String, Double> worst = new HashMap<>();
        for (VariantData v : variants) {
            for (NamedLatency l : v.latencies()) {
                worst.merge(l.key(), l.recorder().summary().p99Ms(), Math::max);
            }
            for (CopyGroup g : v.copies()) {
                worst.merge(g.key(), g.pooled().recorder().summary().p99Ms(), Math::max);
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            order.put(keys.get(i), i);
        }
        return keys.stream()
                .sorted(Comparator.comparingDouble((String k) -> -worst.getOrDefault(k, 0.0)).thenComparing(order::get))
                .limit(MAX_HEADLINE_KEYS).toList();
    }

    /** The series charted: a server's (loop lag, in flight, completed per second, queues) first, at most 12. */
    public static List<String> headlineSeries(List<String> keys) {
        return headline(keys, List.of("loop_lag:", "in_flight:", "completed_per_s:", "queue_length:"));
    }

    /** The keys with one of a server's metric prefixes if there are any, else all; at most 12, in order. */
    private static List<String> headline(List<String> keys, List<String> serverPrefixes) {
        List<String> servers = keys.stream().filter(k -> serverPrefixes.stream().anyMatch(k::startsWith)).toList();
        List<String> chosen = servers.isEmpty() ? keys : servers;
        return chosen.subList(0, Math.min(MAX_HEADLINE_KEYS, chosen.size()));
    }

    /** Every time-series key of any variant, in order of first appearance. */
    public List<String> seriesKeys() {
        Set<String> keys = new LinkedHashSet<>();
        variants.forEach(v -> v.series().forEach(l -> keys.add(l.key())));
        return List.copyOf(keys);
    }

    /** The variant's latency of that key: a thread's own, else its copies' pooled ({@link CopyGroup}). */
    public static Optional<NamedLatency> latency(VariantData v, String key) {
        Optional<NamedLatency> own = v.latencies().stream().filter(l -> l.key().equals(key)).findFirst();
        if (own.isPresent()) {
            return own;
        }
        return v.copies().stream().filter(g -> g.key().equals(key)).map(CopyGroup::pooled).findFirst();
    }

    public static Optional<NamedSeries> series(VariantData v, String key) {
        return v.series().stream().filter(l -> l.key().equals(key)).findFirst();
    }
}
