package dev.foresight.cli;

import dev.foresight.error.UserError;
import dev.foresight.run.StorageError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code foresight} command. Exit codes: 0 success; 1 internal failure; 2 user error (bad
 * YAML, CSV, parameter or command line, with a located message and no stack trace); 4 the batch
 * ran but some tasks failed (the summary says which); 3 a leakage check failed (the message names the
 * plugin, check and evidence), unless {@code --allow-leaks}; 5 {@code report --pdf} wrote the HTML
 * but could not write the PDF (no Chromium); 6 a result file could not be written (a full disk, a
 * read-only directory: the message names the path and the system's reason; every task finished
 * before is stored, and the same command resumes once the cause is fixed).
 */
@Command(name = "foresight", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Walk-forward research on forecasting models for financial time series.")
public final class Main implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. Added in {@link #execute} rather than
     * named in the annotation: picocli builds each one's model by reflection when it is added, a
     * good part of a short command's start (picocli's classes predate class-data sharing), so a
     * command line that starts with a subcommand's exact name gets that subcommand alone; anything
     * else (help, completion, a typo that needs its suggestions, an option first) gets all of them.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class,
            ValidateCommand.class, CheckCommand.class, PlanCommand.class, PluginsCommand.class, SchemaCommand.class,
            ReportCommand.class, GarchCommand.class, RunsCommand.class, CompareCommand.class,
            CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class);

    /** The subcommands a command line needs: the one it names first, or all (see {@link #SUBCOMMANDS}). */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                boolean self = command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0]);
                if (self && c != CommandLine.HelpCommand.class && c != picocli.AutoComplete.GenerateCompletion.class) {
                    return List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USER_ERROR = 2;
    public static final int LEAKAGE = 3;
    public static final int TASKS_FAILED = 4;
    public static final int NO_PDF = 5;
    public static final int STORAGE = 6;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The error stream given to {@link #execute}: subcommands write progress here, not to System.err. */
    PrintStream err = System.err;

    @CommandLine.Option(names = "--plugins", scope = CommandLine.ScopeType.INHERIT, paramLabel = "PATH",
            description = "plugin jars: a jar, a directory of jars or of classes; repeatable, or several joined by "
                    + "the path separator (also FORESIGHT_PLUGINS, and the plugins/ folder next to the launcher)")
    List<String> plugins = new ArrayList<>();

    /** The plugin path in force while a command runs (checked entries): engines that ship plugins read it. */
    List<Path> pluginPath = List.of();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: run, plan or plugins");
    }

    public static void main(String[] args) {
        int code = execute(args, System.out, System.err);
        recordExitStatus(code, System.getenv(EXIT_STATUS_FILE));
        System.exit(code);
    }

    /** Where the launcher asks for the command's exit status (see {@link #recordExitStatus}). */
    static final String EXIT_STATUS_FILE = "FORESIGHT_EXIT_STATUS_FILE";

    /**
     * Writes {@code code} to {@code file} (when not null), before the JVM exits. The launcher's run
     * that records the class-data archive asks for it: JDK 17's JVM can die writing that archive
     * after the command has finished (a SIGSEGV in SystemDictionaryShared, of the JDK-8274944 kind),
     * and the command's own status must still be the exit status. Best effort: a file that cannot
     * be written leaves the status to the JVM.
     */
    static void recordExitStatus(int code, String file) {
        if (file == null || file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), code + "\n");
        } catch (IOException | RuntimeException e) {
            // the JVM's own exit status stands
        }
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main();
        main.err = err;
        CommandLine cli = new CommandLine(main);
        for (Class<?> sub : subcommandsFor(args)) {
            cli.addSubcommand(sub);
        }
        conventions(cli);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> e instanceof UserError || e instanceof dev.foresight.error.UserErrors
                ? USER_ERROR : StorageError.from(e) != null ? STORAGE : INTERNAL);
        cli.getCommandSpec().parser().abbreviatedOptionsAllowed(false);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + message(e));
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                // The closest subcommand or option by edit distance (picocli's own list is by prefix and often long).
                String typed = u.getUnmatched().get(0);
                List<String> names = new ArrayList<>(u.getCommandLine().getSubcommands().keySet());
                names.addAll(u.getCommandLine().getCommandSpec().optionsMap().keySet());
                dev.foresight.plugin.Suggestions.closest(typed, names)
                        .ifPresent(s -> err.println("did you mean: " + s + "?"));
            }
            err.println("(see 'foresight " + (e.getCommandLine().getCommandName().equals("foresight") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help')");
            return USER_ERROR;
        });
        // Plugins are found through the context class loader (PluginRegistry.discover()): one over
        // the plugin path while the command runs.
        cli.setExecutionStrategy(parseResult -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            try {
                try {
                    main.pluginPath = PluginPath.entries(main.plugins, System.getenv("FORESIGHT_PLUGINS"),
                            System.getenv("FORESIGHT_HOME"));
                    thread.setContextClassLoader(PluginPath.loader(main.pluginPath, Main.class.getClassLoader()));
                } catch (UserError e) {
                    throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
                }
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                thread.setContextClassLoader(before);
            }
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose");
            if (e instanceof dev.foresight.error.UserErrors many) {
                for (UserError one : many.errors()) {
                    err.println("error: " + message(one));
                }
                err.println(many.errors().size() + " problems; nothing was run");
                return USER_ERROR;
            }
            if (e instanceof UserError) {
                err.println("error: " + message(e));
                if (verbose) {
                    e.printStackTrace(err);
                }
                return USER_ERROR;
            }
            StorageError storage = StorageError.from(e);
            if (storage != null) {
                err.println("error: " + storage.getMessage());
                err.println("(nothing is lost: every task finished before is stored; fix the cause, e.g. free space or "
                        + "make the directory writable, and run the same command again to resume)");
                if (verbose) {
                    e.printStackTrace(err);
                }
                return STORAGE;
            }
            err.println("internal error: " + e);
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace; please report it)");
            }
            return INTERNAL;
        });
        return cli.execute(args);
    }

    /** The exit codes, as every command's --help lists them. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "success");
        m.put("1", "internal failure (a bug: please report it, with --verbose)");
        m.put("2", "user error: bad YAML, CSV, parameter or command line (located message, nothing run)");
        m.put("3", "a leakage check failed (unless --allow-leaks)");
        m.put("4", "the batch ran but some tasks failed (the summary says which)");
        m.put("5", "report --pdf wrote the HTML but not the PDF (no Chromium)");
        return Collections.unmodifiableMap(m);
    }

    /**
     * The conventions every command follows, set once here rather than on each: its --help lists
     * the exit codes and shows each option's default; the completion script is named foresight.
     */
    private static void conventions(CommandLine cli) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES)
                .showDefaultValues(true);
        for (CommandLine sub : cli.getSubcommands().values()) {
            conventions(sub);
        }
    }

    /** Longest error message printed: a safety net behind each message's own quoting of user text. */
    static final int MAX_MESSAGE = 600;

    /**
     * A user error's message as printed: one line, control characters shown as escapes, at
     * most {@value #MAX_MESSAGE} characters — whatever a message quotes, a huge or hostile input
     * never floods the terminal.
     */
    static String message(Throwable e) {
        String m = String.valueOf(e.getMessage());
        StringBuilder b = new StringBuilder(Math.min(m.length(), MAX_MESSAGE) + 32);
        for (int i = 0; i < m.length() && b.length() < MAX_MESSAGE; i++) {
            char c = m.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        if (b.length() >= MAX_MESSAGE && m.length() > MAX_MESSAGE) {
            b.append("… (message cut)");
        }
        return b.toString();
    }
}
