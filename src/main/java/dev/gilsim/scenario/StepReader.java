package dev.gilsim.scenario;

import dev.gilsim.asyncio.AsyncStep;
import dev.gilsim.interpreter.ProgramStep;
import dev.gilsim.kernel.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Steps (model.md sections 2 and 5), one reader for every place that has them: thread programs,
 * handlers, executor functions and jobs. Each step is a one-key mapping, with an optional
 * {@code label:}. Plain steps, which run on whichever thread runs the code: {@code cpu: 5ms},
 * {@code native: 300ms} (holds the GIL, like {@code pow}),
 * {@code native: {duration: 2ms, releases_gil: true}}, {@code gc: 20ms} (a collection pass, holding the
 * GIL with no check points), {@code io: 1ms}, {@code sleep: 1ms},
 * {@code syscall: 2us} (or bare {@code syscall:} for the default), and
 * {@code repeat: {times: 3, steps: [...]}}; only a thread's program runs {@code cpu: forever} or
 * repeats {@code times: forever}. Awaits, only in {@code async} code:
 * {@code await_sleep: 5s}, {@code await_io: 20ms},
 * {@code run_in_executor: {executor: pool, steps: [...]}}, {@code to_thread: [...]}.
 */
final class StepReader {
    static final List<String> PLAIN_KINDS = List.of("cpu", "native", "gc", "io", "sleep", "syscall", "repeat");
    /** The plain steps that are one step on a thread, so may carry a label. */
    static final List<String> LEAF_KINDS = PLAIN_KINDS.stream().filter(k -> !k.equals("repeat")).toList();
    static final List<String> AWAIT_KINDS = List.of("await_sleep", "await_io", "run_in_executor", "to_thread");
    static final List<String> KINDS = concat(PLAIN_KINDS, AWAIT_KINDS);
    private static final int MAX_DEPTH = 16;
    private static final int MAX_STEPS = 10_000;
    private static final long MAX_TIMES = 1_000_000_000L;

    /** Where steps are read: what they may contain, and how messages name the code. */
    enum Code {
        /** A thread's program: it may run forever. */
        THREAD(false, "a list of steps such as [{cpu: 5ms}, {sleep: 1ms}]"),
        /** An {@code async def} body: it may await. */
        COROUTINE(true, "a list of steps such as [{cpu: 5ms}, {await_io: 20ms}]"),
        /** A plain function: a {@code def} handler, a function run in an executor, a job. */
        FUNCTION(false, "a list of steps such as [{cpu: 5ms}, {io: 20ms}]");

        final boolean awaits;
        final String expectedList;

        Code(boolean awaits, String expectedList) {
            this.awaits = awaits;
            this.expectedList = expectedList;
        }
    }

    private final long defaultSyscall;

    StepReader(long defaultSyscall) {
        this.defaultSyscall = defaultSyscall;
    }

    /**
     * The program of a thread: {@code steps} plus {@code repeat} (default 1, or forever). A thread
     * that repeats its steps no times would do nothing at all, which nobody means to write, and
     * {@code count: 0} already says "no such thread": so {@code repeat: 0} is refused, located.
     */
    ProgramStep.Repeat program(MapReader thread) {
        ListNode steps = thread.list("steps");
        long times = thread.opt("repeat").map(StepReader::times).orElse(1L);
        if (times == 0) {
            throw thread.error("repeat", "a thread that repeats its steps 0 times does nothing",
                    "1 or more, or forever; count: 0 for no thread at all");
        }
        return repeat(thread.node(), times, steps, Code.THREAD, "a thread", 0);
    }

    /**
     * The steps of a handler, a function or a job.
     *
     * @param what names the code for messages, e.g. "a def endpoint"
     */
    List<ProgramStep> steps(Node list, Code code, String what) {
        return list(Nodes.list(list), code, what, 0);
    }

    private List<ProgramStep> list(ListNode steps, Code code, String what, int depth) {
        if (steps.size() == 0) {
            throw InputException.at(steps, "no steps", code.expectedList);
        }
        if (steps.size() > MAX_STEPS) {
            throw InputException.at(steps, "too many steps (" + steps.size() + ")", "at most " + MAX_STEPS);
        }
        List<ProgramStep> out = new ArrayList<>();
        for (Node s : steps.items()) {
            out.add(step(s, code, what, depth));
        }
        return out;
    }

    private ProgramStep.Repeat repeat(Node where, long times, ListNode steps, Code code, String what, int depth) {
        if (depth > MAX_DEPTH) {
            throw InputException.at(where, "repeats nested too deep", "at most " + MAX_DEPTH + " levels");
        }
        List<ProgramStep> out = list(steps, code, what, depth);
        try {
            return new ProgramStep.Repeat(times, out);
        } catch (IllegalArgumentException e) {
            throw InputException.at(where, e.getMessage(), "at least one step that takes time, e.g. cpu: 1ms");
        }
    }

    private static long times(Node n) {
        if (isForever(n)) {
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

    private ProgramStep step(Node n, Code code, String what, int depth) {
        StepLabel.Split split = StepLabel.split(n, kinds(code));
        ProgramStep step = unlabelled(split, code, what, depth);
        if (split.label() == null) {
            return step;
        }
        if (step instanceof ProgramStep.Repeat) {
            throw split.labelError("a label names one step, not a repeat", "label: on the steps inside the repeat");
        }
        if (!(step instanceof ProgramStep.Leaf leaf)) {
            throw split.labelError("an await runs on no thread, so no timeline can show its label",
                    "a label on a step that runs on a thread: " + String.join(", ", LEAF_KINDS));
        }
        return new ProgramStep.Labelled(split.label(), leaf);
    }

    private ProgramStep unlabelled(StepLabel.Split split, Code code, String what, int depth) {
        MapNode m = split.map();
        Map.Entry<String, Node> e = split.kind();
        String kind = e.getKey();
        Node v = e.getValue();
        if (AWAIT_KINDS.contains(kind) && !code.awaits) {
            throw new InputException(m.keyLocation(kind), Node.child(m.path(), kind),
                    what + " cannot await", "plain steps: " + String.join(", ", PLAIN_KINDS));
        }
        return switch (kind) {
            case "cpu" -> code == Code.THREAD && isForever(v) ? new ProgramStep.Cpu(null)
                    : new ProgramStep.Cpu(DistributionReader.read(v));
            case "native" -> nativeStep(v);
            case "gc" -> new ProgramStep.Gc(DistributionReader.read(v));
            case "io" -> new ProgramStep.Io(DistributionReader.read(v));
            case "sleep" -> new ProgramStep.Sleep(DistributionReader.read(v));
            case "syscall" -> new ProgramStep.Syscall(v instanceof ScalarNode s && s.isNull()
                    ? Distribution.constant(defaultSyscall) : DistributionReader.read(v));
            case "repeat" -> {
                MapReader r = MapReader.of(v, "a mapping such as {times: 3, steps: [...]}");
                Node timesNode = r.req("times", "a whole number or forever");
                long times = times(timesNode);
                if (times == ProgramStep.Repeat.FOREVER && code != Code.THREAD) {
                    throw InputException.at(timesNode, what + " must finish, so it cannot repeat forever",
                            "a whole number of times; a thread's program may loop forever");
                }
                ProgramStep.Repeat rep = repeat(v, times, r.list("steps"), code, what, depth + 1);
                r.finish();
                yield rep;
            }
            case "await_sleep" -> new AsyncStep.AwaitSleep(DistributionReader.read(v));
            case "await_io" -> new AsyncStep.AwaitIo(DistributionReader.read(v));
            case "run_in_executor" -> {
                MapReader r = MapReader.of(v, "a mapping such as {executor: pool, steps: [{native: 300ms}]}");
                String executor = r.stringReq("executor");
                List<ProgramStep> steps = steps(r.req("steps", "a list of steps"), Code.FUNCTION,
                        "a function run in an executor");
                r.finish();
                yield new AsyncStep.RunInExecutor(executor, steps);
            }
            case "to_thread" -> new AsyncStep.ToThread(steps(v instanceof MapNode tm ? toThreadSteps(tm) : v,
                    Code.FUNCTION, "a function run by to_thread"));
            default -> {
                List<String> kinds = kinds(code);
                String close = Suggest.closest(kind, KINDS).map(c -> " (did you mean '" + c + "'?)").orElse("");
                throw new InputException(m.keyLocation(kind), Node.child(m.path(), kind),
                        "unknown step " + InputException.quote(kind) + close,
                        close.isEmpty() ? "one of " + String.join(", ", kinds) : null);
            }
        };
    }

    private static List<String> kinds(Code code) {
        return code.awaits ? KINDS : PLAIN_KINDS;
    }

    private static boolean isForever(Node v) {
        return v instanceof ScalarNode s && !s.quoted() && "forever".equals(s.text());
    }

    private static Node toThreadSteps(MapNode m) {
        MapReader r = MapReader.of(m, null);
        Node steps = r.req("steps", "a list of steps");
        r.finish();
        return steps;
    }

    private static ProgramStep nativeStep(Node v) {
        if (v instanceof MapNode m && (m.has("duration") || m.has("releases_gil"))) {
            MapReader r = MapReader.of(m, null);
            Distribution d = DistributionReader.read(r.req("duration", DistributionReader.EXPECTED));
            boolean releases = r.bool("releases_gil", false);
            r.finish();
            return new ProgramStep.Native(d, releases);
        }
        return new ProgramStep.Native(DistributionReader.read(v), false);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
