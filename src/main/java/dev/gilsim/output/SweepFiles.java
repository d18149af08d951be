package dev.gilsim.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gilsim.output.AtomicFiles;
import dev.gilsim.report.Csv;
import dev.gilsim.report.SummaryJson;
import dev.gilsim.sweep.Interval;
import dev.gilsim.sweep.PointResult;
import dev.gilsim.sweep.SweepInfo;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep's tidy results. {@code sweep.csv} has one row per point, variant, metric and
 * replication, and one {@code summary} row per point, variant and metric with the mean and its
 * 95% confidence interval: {@code pandas.read_csv} or R's {@code read.csv} take it as it is.
 * {@code sweep.json} holds the same.
 */
public final class SweepFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepFiles() {
    }

    public static void writeCsv(SweepInfo plan, List<PointResult> results, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(List.of("point"));
            header.addAll(plan.dimensions());
            header.addAll(List.of("variant", "metric", "replication", "seed", "value", "n", "mean", "sd",
                    "ci95_low", "ci95_high"));
            line(w, header);
            for (PointResult r : results) {
                for (String variant : r.variantNames()) {
                    for (String metric : r.metrics(variant)) {
                        List<String> lead = new ArrayList<>();
                        lead.add(Integer.toString(r.point()));
                        lead.addAll(r.values());
                        lead.add(variant);
                        lead.add(metric);
                        for (PointResult.Replication rep : r.replications()) {
                            List<String> row = new ArrayList<>(lead);
                            row.addAll(List.of(Integer.toString(rep.replication()), Long.toString(rep.seed()),
                                    num(rep.variants().get(variant).getOrDefault(metric, Double.NaN)), "", "", "", "",
                                    ""));
                            line(w, row);
                        }
                        Interval ci = Interval.of(r.values(variant, metric));
                        List<String> row = new ArrayList<>(lead);
                        row.addAll(List.of("summary", "", "", Integer.toString(ci.n()), num(ci.mean()), num(ci.sd()),
                                num(ci.low()), num(ci.high())));
                        line(w, row);
                    }
                }
            }
            w.flush();
        });
    }

    public static void writeJson(SweepInfo plan, List<PointResult> results, Path file) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format_version", 1);
        root.put("scenario", plan.name());
        root.put("source", plan.source().replace('\\', '/'));
        ArrayNode dims = root.putArray("dimensions");
        plan.dimensions().forEach(dims::add);
        root.put("replications", plan.replications());
        ArrayNode points = root.putArray("points");
        for (PointResult r : results) {
            ObjectNode p = points.addObject();
            p.put("point", r.point());
            ObjectNode values = p.putObject("values");
            for (int i = 0; i < plan.dimensions().size(); i++) {
                values.put(plan.dimensions().get(i), r.values().get(i));
            }
            ArrayNode variants = p.putArray("variants");
            for (String variant : r.variantNames()) {
                ObjectNode v = variants.addObject();
                v.put("name", variant);
                ObjectNode metrics = v.putObject("metrics");
                for (String metric : r.metrics(variant)) {
                    Interval ci = Interval.of(r.values(variant, metric));
                    ObjectNode m = metrics.putObject(metric);
                    m.put("n", ci.n());
                    putNumber(m, "mean", ci.mean());
                    putNumber(m, "sd", ci.sd());
                    putNumber(m, "ci95_low", ci.low());
                    putNumber(m, "ci95_high", ci.high());
                    ArrayNode vals = m.putArray("values");
                    r.values(variant, metric).forEach(x -> vals.add(SummaryJson.round(x)));
                }
            }
        }
        AtomicFiles.write(file, out -> {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
        });
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, SummaryJson.round(v));
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        BigDecimal b = SummaryJson.round(v);
        return b.toPlainString();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        w.write(Csv.row(cells));
    }
}
