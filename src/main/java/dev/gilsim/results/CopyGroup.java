package dev.gilsim.results;

import dev.gilsim.metrics.LatencyRecorder;
import dev.gilsim.metrics.NamedLatency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One latency of a thread declared with {@code count: N}, its copies' samples pooled: the copies
 * run the same program, so the user asked one question of them ({@code gil_wait:server/spinner}
 * beside 1, 2 and 4 spinners), and a chart and a table row per copy said the same thing N times
 * (16 of convoy-effect's 37 charts). The copies' own figures stay in threads.csv and
 * percentiles.csv.
 *
 * @param pooled the group's latency, keyed by the declared name ({@code gil_wait:server/spinner})
 * @param members the copies' keys ({@code gil_wait:server/spinner-1} ...)
 */
public record CopyGroup(NamedLatency pooled, List<String> members) {
    /** A parameter row of numbered threads that do the same thing: {@code ...threads.spinner-1..4}. */
    private static final Pattern COPIES = Pattern.compile(".*\\.threads\\.(.+)-1\\.\\.(\\d+)");
    private static final Pattern NUMBERED = Pattern.compile("(.*)-(\\d+)");

    public CopyGroup {
        members = List.copyOf(members);
    }

    public String key() {
        return pooled.key();
    }

    /**
     * The groups of a variant: the latencies of threads named {@code B-1} to {@code B-N} of one
     * process, where the parameter table shows threads {@code B-1..N} doing the same thing and no
     * thread is named {@code B} itself. Two or more copies make a group; in latency order.
     */
    static List<CopyGroup> of(List<Parameter> parameters, List<NamedLatency> latencies) {
        Map<String, Long> copies = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            Matcher m = COPIES.matcher(p.name());
            if (m.matches()) {
                copies.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
            }
        }
        if (copies.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        latencies.forEach(l -> keys.add(l.key()));
        Map<String, List<NamedLatency>> byGroup = new LinkedHashMap<>();
        for (NamedLatency l : latencies) {
            int slash = l.subject().lastIndexOf('/');
            Matcher m = NUMBERED.matcher(l.subject().substring(slash + 1));
            if (!m.matches() || m.group(2).length() > 9) {
                continue;
            }
            Long n = copies.get(m.group(1));
            long copy = Long.parseLong(m.group(2));
            String group = l.metric() + ":" + l.subject().substring(0, slash + 1) + m.group(1);
            if (n != null && copy >= 1 && copy <= n && !keys.contains(group)) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(l);
            }
        }
        List<CopyGroup> out = new ArrayList<>();
        byGroup.forEach((group, members) -> {
            if (members.size() >= 2) {
                LatencyRecorder all = new LatencyRecorder();
                members.forEach(l -> all.add(l.recorder()));
                NamedLatency first = members.get(0);
                String subject = group.substring(first.metric().length() + 1);
                out.add(new CopyGroup(new NamedLatency(first.metric(), subject, all),
                        members.stream().map(NamedLatency::key).toList()));
            }
        });
        return out;
    }
}
