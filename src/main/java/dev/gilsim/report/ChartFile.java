package dev.gilsim.report;

/** A chart written beside the report: {@code path} is relative to the run's output folder. */
public record ChartFile(String section, String title, String path) {
}
