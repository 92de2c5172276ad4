/** The digits program: its entry point, Guice wiring, the installed plugins and the facts of this build. */
package dev.digits.app;
