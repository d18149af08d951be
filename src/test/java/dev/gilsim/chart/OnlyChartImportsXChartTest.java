package dev.gilsim.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OnlyChartImportsXChartTest {
    @Test
    void noPackageButChartImportsXChart() throws IOException {
        Path main = Path.of("src/main/java/dev/gilsim");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(main.resolve("chart")))
                    .filter(p -> read(p).contains("org.knowm.xchart"))
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
