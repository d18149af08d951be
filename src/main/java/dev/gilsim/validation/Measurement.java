package dev.gilsim.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One probe run on a real interpreter, as {@code gilprobe.py} printed it: the experiment, the
 * repetition, the interpreter's version, whether the machine stayed quiet, the figures the probe
 * computed itself, and the raw samples (nanoseconds; hold lengths in microseconds).
 */
public record Measurement(String experiment, int repetition, String python, boolean quiet,
        double otherCpuShare, Map<String, Double> figures, Map<String, long[]> samples,
        Map<String, String> machine) {

    public Measurement {
        figures = Map.copyOf(figures);
        samples = Map.copyOf(samples);
        machine = Map.copyOf(machine);
    }

    /** {@code 3.12} of {@code 3.12.1}: what a scenario's {@code python.version} takes. */
    public String minorVersion() {
        return minorVersion(python);
    }

    /** {@code 3.12} of {@code 3.12.1}; a version without a minor part is returned as it is. */
    public static String minorVersion(String python) {
        String[] parts = python.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : python;
    }

    public long[] samples(String name) {
        long[] s = samples.get(name);
        return s == null ? new long[0] : s;
    }

    public double figure(String name) {
        Double v = figures.get(name);
        if (v == null) {
            throw new IllegalArgumentException(experiment + ": the probe reported no figure '" + name + "'");
        }
        return v;
    }

    static Measurement read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return parse(new ObjectMapper().readTree(in));
        }
    }

    static Measurement parse(JsonNode doc) {
        Map<String, Double> figures = new LinkedHashMap<>();
        doc.path("figures").fields().forEachRemaining(f -> {
            if (f.getValue().isNumber()) {
                figures.put(f.getKey(), f.getValue().asDouble());
            }
        });
        Map<String, long[]> samples = new LinkedHashMap<>();
        doc.path("samples").fields().forEachRemaining(f -> {
            if (f.getValue().isArray()) {
                samples.put(f.getKey(), longs(f.getValue(), 1));
            }
        });
        JsonNode handoffs = doc.path("handoffs");
        if (handoffs.has("holds_us")) {
            samples.put("hold_ns", longs(handoffs.get("holds_us"), 1000));
            samples.put("switch_gap_ns", longs(handoffs.get("switch_gaps_us"), 1000));
            // Probe version 1 kept no count beside the (capped) list of gaps, and measured the
            // hand-offs over the probe's whole measured duration.
            figures.put("handoff_switches", handoffs.has("switches") ? handoffs.get("switches").asDouble()
                    : handoffs.get("switch_gaps_us").size());
            figures.put("handoff_window_ms", handoffs.has("window_ns") ? handoffs.get("window_ns").asDouble() / 1e6
                    : doc.path("params").path("duration_s").asDouble() * 1000);
        }
        Map<String, String> machine = new LinkedHashMap<>();
        doc.path("machine").fields().forEachRemaining(f -> machine.put(f.getKey(), f.getValue().asText()));
        JsonNode quiet = doc.path("quiet");
        return new Measurement(doc.path("experiment").asText(), doc.path("repetition").asInt(),
                doc.path("machine").path("python").asText(), quiet.path("quiet").asBoolean(),
                quiet.path("other_cpu_share").asDouble(), figures, samples, machine);
    }

    private static long[] longs(JsonNode array, double scale) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(array.get(i).asDouble() * scale);
        }
        return out;
    }
}
