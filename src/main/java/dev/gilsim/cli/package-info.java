/**
 * The {@code gilsim} command line: the only package that uses picocli. One class per command
 * ({@code run}, {@code check}, {@code chart}, {@code sweep}, {@code merge}, {@code bench},
 * {@code validate}, {@code calibrate}), the options they share ({@code ScenarioOptions}), progress
 * on stderr, and {@link dev.gilsim.cli.Cli}'s one mapping of failures to exit codes: 0 success,
 * 2 bad input (one located line), 1 anything else, never a stack trace unless
 * {@code GILSIM_DEBUG} is set.
 *
 * <p>A worked example: {@code ./gilsim run scenarios/sleeper-beside-cpu.yaml} loads the file
 * (scenario), runs each variant (run), prints the console table and writes
 * {@code output/sleeper-beside-cpu/} (output); {@code ./gilsim check} of a file with a typo prints
 * one located line and exits with 2, writing nothing.
 */
package dev.gilsim.cli;
