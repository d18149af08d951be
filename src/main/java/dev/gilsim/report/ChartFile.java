package dev.gilsim.report;

/**
 * A chart of the report: written beside it at {@code path}, relative to the run's output folder,
 * or not drawn, with the reason the report shows in its place.
 */
public record ChartFile(String section, String title, String path, String notDrawnBecause) {
    public ChartFile {
        if ((path == null) == (notDrawnBecause == null)) {
            throw new IllegalArgumentException("a chart has a file or a reason it has none: " + title);
        }
    }

    public static ChartFile drawn(String section, String title, String path) {
        return new ChartFile(section, title, path, null);
    }

    public static ChartFile notDrawn(String section, String title, String because) {
        return new ChartFile(section, title, null, because);
    }
}
