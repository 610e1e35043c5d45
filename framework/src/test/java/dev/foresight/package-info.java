/**
 * Rules over the whole framework rather than one concept: its packages form layers without a
 * dependency cycle ({@code PackageCyclesTest}, read from the compiled classes). They live at the
 * root because no single package owns them.
 */
package dev.foresight;
