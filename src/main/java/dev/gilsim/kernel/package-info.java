/**
 * The discrete-event kernel: virtual time, the event calendar and random streams. It knows
 * nothing of Python.
 *
 * <p>Virtual time is a {@code long} count of nanoseconds. A {@link dev.gilsim.kernel.Simulator}
 * fires {@link dev.gilsim.kernel.Event}s in (time, priority, sequence) order from a binary heap
 * ({@code EventQueue}); hot-path events are allocated once and rescheduled. Every random draw comes
 * from a stream of {@link dev.gilsim.kernel.RandomStreams} derived by name from the run's seed, so
 * adding a stream never moves another's numbers and a run is a pure function of its inputs.
 * {@link dev.gilsim.kernel.Distribution} is the duration distributions a scenario may name
 * (constant, exponential, uniform, normal, lognormal, gamma, empirical);
 * {@link dev.gilsim.kernel.Durations} formats and builds nanosecond quantities.
 */
package dev.gilsim.kernel;
