/**
 * User-facing errors. {@link dev.foresight.error.UserError} carries a
 * {@link dev.foresight.error.Location} (file, line, column, field) so every message says where
 * the mistake is; the CLI maps it to exit code 2.
 */
package dev.foresight.error;
