package dev.gilsim.scenario;

import dev.gilsim.interpreter.ProgramStep;

/** A plain thread running a program of steps from {@code startNanos} on. */
public record ThreadSpec(String name, ProgramStep.Repeat program, long startNanos) {
}
