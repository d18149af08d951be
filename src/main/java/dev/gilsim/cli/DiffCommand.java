package dev.gilsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gilsim.report.MetricPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Two runs side by side: every figure of {@code summary.json} (as sweeps name them) that moved by
 * more than a threshold between run A and run B, per variant the two share. For a change of
 * model, defaults or scenario: what did it move, and by how much.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two runs' summary.json: the figures that moved by more than --threshold,",
            "per variant found in both."},
        footer = {"", "Examples:",
            "  gilsim diff before/convoy-effect output/convoy-effect",
            "  gilsim diff a/switch-interval b/switch-interval --threshold 1% --metric 'p99'"})
final class DiffCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "A run folder (or its summary.json): the reference.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Another run folder (or its summary.json).")
    Path b;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%",
            description = "Show figures that moved by more than this share of A's value (default ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--metric", paramLabel = "REGEX", description = "Only figures whose name matches.")
    String metric;

    @Override
    public void run() {
        double share = share(threshold);
        Pattern only = pattern(metric);
        Map<String, Map<String, Double>> va = variants(a);
        Map<String, Map<String, Double>> vb = variants(b);
        List<String> shared = va.keySet().stream().filter(vb::containsKey).toList();
        if (shared.isEmpty()) {
            throw new UserException("the two runs share no variant (A: " + String.join(", ", va.keySet()) + "; B: "
                    + String.join(", ", vb.keySet()) + ")", Cli.BAD_INPUT);
        }
        PrintWriter w = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        int compared = 0;
        for (String v : shared) {
            Map<String, Double> ma = va.get(v);
            Map<String, Double> mb = vb.get(v);
            for (Map.Entry<String, Double> e : ma.entrySet()) {
                Double y = mb.get(e.getKey());
                if (y == null || (only != null && !only.matcher(e.getKey()).find())) {
                    continue;
                }
                compared++;
                double x = e.getValue();
                double change = x == 0 ? (y == 0 ? 0 : Double.POSITIVE_INFINITY) : (y - x) / Math.abs(x);
                if (Math.abs(change) > share) {
                    rows.add(new String[] {v, e.getKey(), number(x), number(y),
                        Double.isInfinite(change) ? "new" : String.format(Locale.ROOT, "%+.1f%%", 100 * change)});
                }
            }
        }
        if (rows.isEmpty()) {
            w.printf(Locale.ROOT, "no figure moved by more than %s (%d compared in %d variant%s)%n", threshold, compared,
                    shared.size(), shared.size() == 1 ? "" : "s");
        } else {
            int[] width = {7, 6, 1, 1, 6};
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            String format = "%-" + width[0] + "s  %-" + width[1] + "s  %" + width[2] + "s  %" + width[3] + "s  %"
                    + width[4] + "s%n";
            w.printf(Locale.ROOT, format, "variant", "figure", "A", "B", "change");
            for (String[] r : rows) {
                w.printf(Locale.ROOT, format, (Object[]) r);
            }
            w.printf(Locale.ROOT, "%d of %d figures moved by more than %s%n", rows.size(), compared, threshold);
        }
        w.flush();
    }

    private static Map<String, Map<String, Double>> variants(Path p) {
        Path file = Files.isDirectory(p) ? p.resolve("summary.json") : p;
        if (!Files.isRegularFile(file)) {
            throw new UserException(p + ": no summary.json (a folder written by gilsim run, or the file itself)",
                    Cli.BAD_INPUT);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserException(file + ": not a summary.json (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", Cli.BAD_INPUT);
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (JsonNode v : root.path("variants")) {
            out.put(v.path("variant").asText(v.path("name").asText()), MetricPaths.flatten(v));
        }
        if (out.isEmpty()) {
            throw new UserException(file + ": not a summary.json (no variants)", Cli.BAD_INPUT);
        }
        return out;
    }

    private static double share(String text) {
        String t = text.strip();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            if (v >= 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserException("--threshold '" + text + "': a share such as 5% or 0.05", Cli.BAD_INPUT);
    }

    private static Pattern pattern(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UserException("--metric '" + regex + "' is not a regular expression: " + e.getDescription(),
                    Cli.BAD_INPUT);
        }
    }

    private static String number(double x) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", x)).stripTrailingZeros().toPlainString();
    }
}
