/**
 * Plugin class isolation: each task's plugins (and each check's recomputation) run on classes
 * loaded afresh by their own class loader, so static fields, caches and singletons in plugin
 * classes cannot carry information from one fold, task or computation to another; and a watch
 * on those classes' static state names any plugin that changes it while it computes.
 */
package dev.foresight.isolation;
