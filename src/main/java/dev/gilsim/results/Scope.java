package dev.gilsim.results;

import dev.gilsim.run.RunResult;
import java.util.List;
import java.util.function.Function;

/**
 * A kind of subject in a run and its figures: {@code threads}, whose subjects are named
 * {@code process/thread}, each with every figure of {@link ThreadFigures#ALL}. A figure of one
 * subject is named {@code scope.subject.figure} ({@code threads.app/sleeper.return_delay}); the
 * run's own figures have no scope or subject ({@code core_utilisation}).
 *
 * @param name as in {@code summary.json}: the array of the subjects' objects; empty for the run
 * @param subjects the run's subjects of this kind, in the run's order
 * @param subject a subject's name; ignored for the run itself
 */
public record Scope<T>(String name, Function<RunResult, List<T>> subjects, Function<T, String> subject,
        List<Figure<T>> figures) {

    public Scope {
        figures = List.copyOf(figures);
    }

    /** The dotted prefix of a subject's figures: {@code threads.app/sleeper.}, or nothing for the run. */
    public String prefix(T s) {
        return name.isEmpty() ? "" : name + "." + subject.apply(s) + ".";
    }
}
