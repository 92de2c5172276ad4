/** The command-line framework: commands, the console and usage errors. */
package dev.digits.app.cli;
