/**
 * The {@code foresight} command line (picocli): one class per subcommand, each turning options
 * into a call on {@code run}, {@code batch} or {@code reports} and the outcome into text and an
 * exit code. {@link dev.foresight.cli.Main} owns the exit codes (documented there and in the
 * README) and maps exceptions to them: a user error is a located one-line message and exit 2,
 * never a stack trace.
 */
package dev.foresight.cli;
