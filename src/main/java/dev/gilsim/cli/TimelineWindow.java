package dev.gilsim.cli;

import dev.gilsim.metrics.Window;
import dev.gilsim.run.Simulation;
import dev.gilsim.scenario.Scenario;
import dev.gilsim.scenario.Units;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --window}: the span of virtual time the GIL timeline and trace show. {@code START..END}
 * gives it in time since the run started ({@code 1s..1.2s}); a single {@code LENGTH} starts it at
 * the end of the warm-up ({@code 50ms}). Without the option: the scenario's {@code timeline:}, by default
 * defaults.yaml's span (200 ms) after the warm-up.
 */
record TimelineWindow(Long startNanos, long lengthNanos) {
    static final String HELP = "Span of the GIL timeline and trace.json: START..END in virtual time "
            + "(e.g. 1s..1.2s), or a LENGTH from the end of the warm-up (e.g. 50ms). "
            + "Default: the scenario's timeline, or the first 200ms after the warm-up.";

    Window resolve(Scenario s) {
        if (startNanos == null) {
            long from = s.warmupNanos();
            return new Window(from, Math.min(s.durationNanos(), from + lengthNanos));
        }
        if (startNanos >= s.durationNanos()) {
            throw new UserException("--window starts at " + Units.formatDuration(startNanos) + ", after the run of "
                    + s.name() + " ends (" + Units.formatDuration(s.durationNanos()) + ")", Cli.BAD_INPUT);
        }
        return new Window(startNanos, Math.min(s.durationNanos(), startNanos + lengthNanos));
    }

    static Window resolve(TimelineWindow w, Scenario s) {
        return w == null ? Simulation.defaultTimelineWindow(s) : w.resolve(s);
    }

    static final class Converter implements ITypeConverter<TimelineWindow> {
        @Override
        public TimelineWindow convert(String text) {
            try {
                int dots = text.indexOf("..");
                if (dots < 0) {
                    long length = Units.parseDurationNanos(text.strip());
                    return checked(null, length, text);
                }
                long from = Units.parseDurationNanos(text.substring(0, dots).strip());
                long to = Units.parseDurationNanos(text.substring(dots + 2).strip());
                return checked(from, to - from, text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is not a window: " + e.getMessage()
                        + " (expected START..END such as 1s..1.2s, or a LENGTH such as 50ms)");
            }
        }

        private static TimelineWindow checked(Long start, long length, String text) {
            if (length <= 0) {
                throw new TypeConversionException("'" + text + "' is an empty window: its end must come after its start");
            }
            return new TimelineWindow(start, length);
        }
    }
}
