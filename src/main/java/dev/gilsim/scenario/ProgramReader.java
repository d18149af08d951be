package dev.gilsim.scenario;

import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.kernel.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Thread programs (model.md section 2). Each step is a one-key mapping:
 * {@code cpu: 5ms} (or {@code cpu: forever}), {@code native: 300ms} (holds the GIL),
 * {@code native: {duration: 2ms, releases_gil: true}}, {@code io: 1ms}, {@code sleep: 1ms},
 * {@code syscall: 2us} (or bare {@code syscall:} for the default), and
 * {@code repeat: {times: 3, steps: [...]}} ({@code times: forever} loops).
 */
final class ProgramReader {
    static final List<String> STEP_KINDS = List.of("cpu", "native", "io", "sleep", "syscall", "repeat");
    private static final int MAX_DEPTH = 16;
    private static final long MAX_TIMES = 1_000_000_000L;

    private final long defaultSyscall;

    ProgramReader(long defaultSyscall) {
        this.defaultSyscall = defaultSyscall;
    }

    /**
     * The program of a thread: {@code steps} plus {@code repeat} (default 1, or forever). A thread
     * that repeats its steps no times would do nothing at all, which nobody means to write, and
     * {@code count: 0} already says "no such thread": so {@code repeat: 0} is refused, located.
     */
    ProgramStep.Repeat program(MapReader thread) {
        ListNode steps = thread.list("steps");
        long times = thread.opt("repeat").map(this::times).orElse(1L);
        if (times == 0) {
            throw thread.error("repeat", "a thread that repeats its steps 0 times does nothing",
                    "1 or more, or forever; count: 0 for no thread at all");
        }
        return repeat(thread.node(), times, steps, 0);
    }

    private ProgramStep.Repeat repeat(Node where, long times, ListNode steps, int depth) {
        if (depth > MAX_DEPTH) {
            throw InputException.at(where, "repeats nested too deep", "at most " + MAX_DEPTH + " levels");
        }
        if (steps.size() == 0) {
            throw InputException.at(steps, "no steps", "a list of steps such as [{cpu: 5ms}, {sleep: 1ms}]");
        }
        List<ProgramStep> out = new ArrayList<>();
        for (Node s : steps.items()) {
            out.add(step(s, depth));
        }
        try {
            return new ProgramStep.Repeat(times, out);
        } catch (IllegalArgumentException e) {
            throw InputException.at(where, e.getMessage(), "at least one step that takes time, e.g. cpu: 1ms");
        }
    }

    private long times(Node n) {
        if (n instanceof ScalarNode s && !s.quoted() && "forever".equals(s.text())) {
            return ProgramStep.Repeat.FOREVER;
        }
        if (n instanceof ScalarNode s && !s.isNull()) {
            try {
                long t = Long.parseLong(s.text().strip());
                if (t < 0 || t > MAX_TIMES) {
                    throw InputException.at(n, "must be between 0 and " + MAX_TIMES + " (got " + t + ")", null);
                }
                return t;
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw InputException.at(n, Nodes.describe(n) + " is not a repeat count", "a whole number or forever");
    }

    private ProgramStep step(Node n, int depth) {
        StepLabel.Split split = StepLabel.split(n, STEP_KINDS);
        ProgramStep step = unlabelled(split, depth);
        if (split.label() == null) {
            return step;
        }
        if (step instanceof ProgramStep.Repeat) {
            throw split.labelError("a label names one step, not a repeat",
                    "label: on the steps inside the repeat");
        }
        return new ProgramStep.Labelled(split.label(), step);
    }

    private ProgramStep unlabelled(StepLabel.Split split, int depth) {
        MapNode m = split.map();
        Map.Entry<String, Node> e = split.kind();
        Node v = e.getValue();
        return switch (e.getKey()) {
            case "cpu" -> isForever(v) ? new ProgramStep.Cpu(null) : new ProgramStep.Cpu(DistributionReader.read(v));
            case "native" -> nativeStep(v);
            case "io" -> new ProgramStep.Io(DistributionReader.read(v));
            case "sleep" -> new ProgramStep.Sleep(DistributionReader.read(v));
            case "syscall" -> new ProgramStep.Syscall(v instanceof ScalarNode s && s.isNull()
                    ? Distribution.constant(defaultSyscall) : DistributionReader.read(v));
            case "repeat" -> {
                MapReader r = MapReader.of(v, "a mapping such as {times: 3, steps: [...]}");
                long times = times(r.req("times", "a whole number or forever"));
                ProgramStep.Repeat rep = repeat(v, times, r.list("steps"), depth + 1);
                r.finish();
                yield rep;
            }
            default -> {
                String close = Suggest.closest(e.getKey(), STEP_KINDS).map(c -> " (did you mean '" + c + "'?)").orElse("");
                throw new InputException(m.keyLocation(e.getKey()), Node.child(m.path(), e.getKey()),
                        "unknown step " + InputException.quote(e.getKey()) + close,
                        close.isEmpty() ? "one of " + String.join(", ", STEP_KINDS) : null);
            }
        };
    }

    private static boolean isForever(Node v) {
        return v instanceof ScalarNode s && !s.quoted() && "forever".equals(s.text());
    }

    private ProgramStep nativeStep(Node v) {
        if (v instanceof MapNode m && (m.has("duration") || m.has("releases_gil"))) {
            MapReader r = MapReader.of(m, null);
            Distribution d = DistributionReader.read(r.req("duration", DistributionReader.EXPECTED));
            boolean releases = r.bool("releases_gil", false);
            r.finish();
            return new ProgramStep.Native(d, releases);
        }
        return new ProgramStep.Native(DistributionReader.read(v), false);
    }
}
