package dev.gilsim.scenario;

import dev.gilsim.asyncio.HandlerStep;
import dev.gilsim.kernel.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Handler steps of endpoints, executor calls and jobs (model.md sections 2 and 5). Each step is a
 * one-key mapping. Plain steps, which run on whichever thread runs the code: {@code cpu: 5ms},
 * {@code native: 300ms} (holds the GIL, like {@code pow}),
 * {@code native: {duration: 2ms, releases_gil: true}}, {@code io: 1ms}, {@code sleep: 1ms},
 * {@code syscall: 2us}. Awaits, only in {@code async} code: {@code await_sleep: 5s},
 * {@code await_io: 20ms}, {@code run_in_executor: {executor: pool, steps: [...]}},
 * {@code to_thread: [...]}.
 */
final class HandlerStepReader {
    static final List<String> KINDS = List.of("cpu", "native", "io", "sleep", "syscall", "await_sleep", "await_io",
            "run_in_executor", "to_thread");
    private static final int MAX_STEPS = 10_000;

    private final long defaultSyscall;

    HandlerStepReader(long defaultSyscall) {
        this.defaultSyscall = defaultSyscall;
    }

    /**
     * @param awaits whether the steps run in a coroutine; a plain function cannot await
     * @param what names the code for messages, e.g. "a def endpoint"
     */
    List<HandlerStep> steps(Node list, boolean awaits, String what) {
        ListNode steps = Nodes.list(list);
        if (steps.size() == 0) {
            throw InputException.at(steps, "no steps", "a list of steps such as [{cpu: 5ms}, {await_io: 20ms}]");
        }
        if (steps.size() > MAX_STEPS) {
            throw InputException.at(steps, "too many steps (" + steps.size() + ")", "at most " + MAX_STEPS);
        }
        List<HandlerStep> out = new ArrayList<>();
        for (Node s : steps.items()) {
            out.add(step(s, awaits, what));
        }
        return out;
    }

    private HandlerStep step(Node n, boolean awaits, String what) {
        StepLabel.Split split = StepLabel.split(n, KINDS);
        HandlerStep step = unlabelled(split, awaits, what);
        if (split.label() == null) {
            return step;
        }
        if (step.isAwait()) {
            throw split.labelError("an await runs on no thread, so no timeline can show its label",
                    "a label on a step that runs on a thread: cpu, native, io, sleep, syscall");
        }
        return new HandlerStep.Labelled(split.label(), step);
    }

    private HandlerStep unlabelled(StepLabel.Split split, boolean awaits, String what) {
        MapNode m = split.map();
        Map.Entry<String, Node> e = split.kind();
        String kind = e.getKey();
        Node v = e.getValue();
        if (kind.startsWith("await_") || kind.equals("run_in_executor") || kind.equals("to_thread")) {
            if (!awaits) {
                throw new InputException(m.keyLocation(kind), Node.child(m.path(), kind),
                        what + " cannot await", "plain steps: cpu, native, io, sleep, syscall");
            }
        }
        return switch (kind) {
            case "cpu" -> new HandlerStep.Cpu(DistributionReader.read(v));
            case "native" -> nativeStep(v);
            case "io" -> new HandlerStep.Io(DistributionReader.read(v));
            case "sleep" -> new HandlerStep.Sleep(DistributionReader.read(v));
            case "syscall" -> new HandlerStep.Syscall(v instanceof ScalarNode s && s.isNull()
                    ? Distribution.constant(defaultSyscall) : DistributionReader.read(v));
            case "await_sleep" -> new HandlerStep.AwaitSleep(DistributionReader.read(v));
            case "await_io" -> new HandlerStep.AwaitIo(DistributionReader.read(v));
            case "run_in_executor" -> {
                MapReader r = MapReader.of(v, "a mapping such as {executor: pool, steps: [{native: 300ms}]}");
                String executor = r.stringReq("executor");
                List<HandlerStep> steps = steps(r.req("steps", "a list of steps"), false,
                        "a function run in an executor");
                r.finish();
                yield new HandlerStep.RunInExecutor(executor, steps);
            }
            case "to_thread" -> new HandlerStep.ToThread(steps(v instanceof MapNode tm
                    ? toThreadSteps(tm) : v, false, "a function run by to_thread"));
            default -> {
                String close = Suggest.closest(kind, KINDS).map(c -> " (did you mean '" + c + "'?)").orElse("");
                throw new InputException(m.keyLocation(kind), Node.child(m.path(), kind),
                        "unknown step " + InputException.quote(kind) + close,
                        close.isEmpty() ? "one of " + String.join(", ", KINDS) : null);
            }
        };
    }

    private static Node toThreadSteps(MapNode m) {
        MapReader r = MapReader.of(m, null);
        Node steps = r.req("steps", "a list of steps");
        r.finish();
        return steps;
    }

    private static HandlerStep nativeStep(Node v) {
        if (v instanceof MapNode m && (m.has("duration") || m.has("releases_gil"))) {
            MapReader r = MapReader.of(m, null);
            Distribution d = DistributionReader.read(r.req("duration", DistributionReader.EXPECTED));
            boolean releases = r.bool("releases_gil", false);
            r.finish();
            return releases ? new HandlerStep.NativeReleasing(d) : new HandlerStep.Native(d);
        }
        return new HandlerStep.Native(DistributionReader.read(v));
    }
}
