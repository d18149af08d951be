/**
 * The discrete-event kernel: virtual time, the event calendar and random streams. It knows
 * nothing of Python.
 *
 * <p>Virtual time is a {@code long} count of nanoseconds. A {@link dev.gilsim.kernel.Simulator}
 * fires {@link dev.gilsim.kernel.Event}s in (time, priority, sequence) order from a binary heap
 * and, for events that arrive in order, a few lanes beside it ({@code EventQueue},
 * {@code EventLane}); hot-path events are allocated once and rescheduled. Every random draw comes
 * from a stream of {@link dev.gilsim.kernel.RandomStreams} derived by name from the run's seed, so
 * adding a stream never moves another's numbers and a run is a pure function of its inputs.
 * {@link dev.gilsim.kernel.Distribution} is the duration distributions a scenario may name
 * (constant, exponential, uniform, normal, lognormal, gamma, empirical);
 * {@link dev.gilsim.kernel.Durations} formats and builds nanosecond quantities.
 *
 * <p>A worked example ({@code PackageExamplesTest} runs it): an event scheduled for 2 ms and a
 * one-shot one at 1 ms fire in time order, and the clock stops where the run was asked to.
 * <pre>{@code
 * Simulator sim = new Simulator();
 * List<String> log = new ArrayList<>();
 * Event ping = new Event(() -> log.add("ping at " + Durations.format(sim.now())));
 * sim.schedule(ping, millis(2));
 * sim.at(millis(1), 0, () -> log.add("first at " + Durations.format(sim.now())));
 * sim.runUntil(millis(5));
 * // log: [first at 1ms, ping at 2ms]; sim.now() == millis(5)
 * }</pre>
 */
package dev.gilsim.kernel;
