/** One class per command ({@code run}, {@code train}, {@code predict}, ...): thin layers over the services. */
package dev.digits.app.commands;
