/**
 * Plugin class isolation: each task's third-party plugins (and each check's recomputation) run on
 * classes loaded afresh by their own class loader, so static fields, caches and singletons in
 * plugin classes cannot carry information from one fold, task or computation to another; and a
 * watch on those classes' static state names any plugin that changes it while it computes. The
 * built-in plugins are loaded once and shared: they hold no mutable static state (a rule tested on
 * their compiled classes), and loading them per task made the JIT compile them again per task.
 */
package dev.foresight.isolation;
