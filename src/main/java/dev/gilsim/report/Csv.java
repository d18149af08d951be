package dev.gilsim.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV text: comma-separated, CRLF-free, fields quoted only when they need it. Every CSV
 * gilsim writes goes through here.
 *
 * <p>A text cell that starts like a formula ({@code =}, {@code +}, {@code -}, {@code @}, or a tab
 * or carriage return that some spreadsheets skip) gets a leading apostrophe: a spreadsheet opening
 * the file would otherwise run it ("CSV injection"), and a sweep's values or a title are whatever
 * the user typed. Numbers, negative ones included, are left as they are.
 */
public final class Csv {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?Infinity");

    private Csv() {
    }

    public static String row(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        return b.append('\n').toString();
    }

    static String field(String text) {
        String f = startsLikeAFormula(text) ? "'" + text : text;
        if (f.indexOf(',') < 0 && f.indexOf('"') < 0 && f.indexOf('\n') < 0 && f.indexOf('\r') < 0) {
            return f;
        }
        return '"' + f.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String f) {
        return !f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0 && !NUMBER.matcher(f).matches();
    }
}
