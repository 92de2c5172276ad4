/** The command-line framework: commands, options and usage errors. */
package dev.digits.app.cli;
