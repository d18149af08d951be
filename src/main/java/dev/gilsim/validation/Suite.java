package dev.gilsim.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validation suite ({@code probes/suite.json}): each experiment is a probe run and the scenario
 * that models it. Python's suite driver reads the same file, so both sides agree on what ran.
 */
public record Suite(int repetitions, List<Experiment> experiments) {
    /** The suite inside the jar, beside the probes and their scenarios. */
    public static final String RESOURCE_DIR = "/dev/gilsim/probes/";

    public Suite {
        experiments = List.copyOf(experiments);
    }

    /**
     * @param args the probe's command-line options, without their leading dashes
     * @param set  field overrides of the scenario that hold for every run of this experiment
     */
    public record Experiment(String id, Probe probe, Map<String, String> args, String scenario,
            Map<String, String> set) {
        public Experiment {
            args = Map.copyOf(args);
            set = Map.copyOf(set);
        }

        public double arg(String name, double fallback) {
            String v = args.get(name);
            return v == null ? fallback : Double.parseDouble(v);
        }
    }

    /** The experiments whose id matches the regular expression. */
    public Suite only(String regex) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        return new Suite(repetitions, experiments.stream().filter(e -> p.matcher(e.id()).find()).toList());
    }

    public Optional<Experiment> experiment(String id) {
        return experiments.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public static Suite builtin() {
        try (InputStream in = Suite.class.getResourceAsStream(RESOURCE_DIR + "suite.json")) {
            if (in == null) {
                throw new IllegalStateException("probes/suite.json is missing from the jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Suite parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Experiment> list = new ArrayList<>();
        for (JsonNode e : root.get("experiments")) {
            list.add(new Experiment(e.get("id").asText(), Probe.of(e.get("probe").asText()),
                    strings(e.get("args")), e.get("scenario").asText(), strings(e.get("set"))));
        }
        return new Suite(root.get("repetitions").asInt(), list);
    }

    private static Map<String, String> strings(JsonNode obj) {
        Map<String, String> m = new LinkedHashMap<>();
        obj.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
        return m;
    }

    /** The text of a scenario that models an experiment. */
    public static String scenarioText(String file) {
        try (InputStream in = Suite.class.getResourceAsStream(RESOURCE_DIR + "scenarios/" + file)) {
            if (in == null) {
                throw new IllegalStateException("probes/scenarios/" + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
