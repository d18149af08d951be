package dev.gilsim.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * A machine profile in the shape of defaults.yaml, each fitted value with its evidence as a
 * comment above it, for {@code --profile FILE} or a scenario's {@code machine: {profile: FILE}}.
 */
public final class ProfileText {
    private ProfileText() {
    }

    /** The profile's text: the header as comments, then each fitted value under its section. */
    public static String of(String header, List<Calibration.Fitted> fits) {
        StringBuilder b = new StringBuilder();
        for (String line : header.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        java.util.Map<String, List<Calibration.Fitted>> bySection = new java.util.LinkedHashMap<>();
        for (Calibration.Fitted f : fits) {
            bySection.computeIfAbsent(f.path().substring(0, f.path().indexOf('.')), k -> new ArrayList<>()).add(f);
        }
        for (var e : bySection.entrySet()) {
            b.append(e.getKey()).append(":\n");
            String open = "";
            for (Calibration.Fitted f : e.getValue()) {
                String[] parts = f.path().split("\\.");
                String indent = "  ";
                if (parts.length == 3) {
                    if (!parts[1].equals(open)) {
                        b.append("  ").append(parts[1]).append(":\n");
                        open = parts[1];
                    }
                    indent = "    ";
                }
                b.append(indent).append("# ").append(f.evidence()).append('\n');
                b.append(indent).append(parts[parts.length - 1]).append(": ").append(f.value()).append('\n');
            }
        }
        return b.toString();
    }
}
