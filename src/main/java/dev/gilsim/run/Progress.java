package dev.gilsim.run;

/**
 * Told now and then how far a run got, for a progress line. Called on the simulating thread
 * between slices of virtual time; it must not touch the simulation.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (variant, now, end, events) -> {
    };

    /** {@code now} and {@code end} are virtual nanoseconds; {@code events} fired so far. */
    void update(String variant, long now, long end, long events);
}
