/** The digits program: its entry point and Guice wiring. */
package dev.digits.app;
