/**
 * How far to trust gilsim: real CPython measured by the probes ({@code probes/gilprobe.py}), the
 * same experiments simulated, and the two compared figure by figure.
 *
 * <p>A {@link dev.gilsim.validation.Suite} lists the experiments: each names a probe run and the
 * scenario that models it ({@code probes/scenarios/}). A {@link dev.gilsim.validation.Dataset} holds
 * measured runs (3 or more repetitions per experiment and CPython version); a
 * {@link dev.gilsim.validation.Validator} simulates each experiment over several seeds with the
 * measured run's parameters (switch interval, thread count, Python version, duration) and gives
 * per figure the real median and spread beside the simulated median and spread, and a verdict:
 * in band when the simulated median lies inside the real spread or within 15 % of the real median.
 * {@link dev.gilsim.validation.Calibration} fits the machine parameters the model needs from the
 * same measurements.
 *
 * <p>Example: {@code gilsim validate --data probes/data/linux-kvm-2core} compares the committed
 * dataset with the model in seconds; {@code gilsim validate --python $(pyenv prefix 3.12.1)/bin/python3}
 * measures this machine first. The rules the comparisons test are those of docs/model.md.
 */
package dev.gilsim.validation;
