package dev.gilsim.report;

import java.util.List;

/** Plain-text tables: the first {@code leftColumns} columns left-aligned, numbers right-aligned. */
public final class Tables {
    private Tables() {
    }

    public static String render(List<String[]> rows, int leftColumns) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c < leftColumns ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
