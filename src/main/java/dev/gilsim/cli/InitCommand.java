package dev.gilsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes an annotated scenario of a FastAPI service, to edit into one's own (issue 10). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write an annotated scenario of a FastAPI/asyncio service to FILE, to describe your own:",
            "where each number comes from, and three variants to compare."},
        footer = {"", "Example:", "  gilsim init my-service.yaml && gilsim run my-service.yaml"})
final class InitCommand implements Runnable {
    static final String TEMPLATE = "/dev/gilsim/init/service.yaml";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file to write (never overwritten).")
    Path file;

    @Override
    public void run() {
        byte[] text;
        try (InputStream in = InitCommand.class.getResourceAsStream(TEMPLATE)) {
            text = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new UserException("the jar lacks " + TEMPLATE, Cli.FAILURE);
        }
        try {
            Files.write(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(file + " exists: gilsim init never overwrites a file", Cli.BAD_INPUT);
        } catch (IOException e) {
            throw new UserException("cannot write " + file + ": " + e.getMessage(), Cli.BAD_INPUT);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %s: edit it, then `gilsim check %s` and `gilsim run %s`%n", file, file, file);
        w.flush();
    }
}
