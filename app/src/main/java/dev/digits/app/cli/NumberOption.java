package dev.digits.app.cli;

import org.apache.commons.cli.CommandLine;

import java.util.Locale;

/** A numeric command-line option read within its range, or a one-line usage error naming the option. */
public final class NumberOption {
    private NumberOption() {
    }

    /**
     * The option's value, {@code defaultValue} when it is absent.
     *
     * @param integer whether only whole numbers are taken
     * @throws UsageException "--NAME takes a number from MIN to MAX, got 'V'"
     */
    public static double number(CommandLine line, String option, double defaultValue, double min, double max,
                                boolean integer) throws UsageException {
        String v = line.getOptionValue(option);
        if (v == null) {
            return defaultValue;
        }
        double x;
        try {
            x = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x >= min && x <= max) || (integer && x != Math.rint(x))) {
            throw new UsageException(String.format(Locale.ROOT, "--%s takes %s from %s to %s, got '%s'", option,
                    integer ? "a whole number" : "a number", plain(min), plain(max), v));
        }
        return x;
    }

    /** A whole-number option within [min, max]. */
    public static int wholeNumber(CommandLine line, String option, int defaultValue, int min, int max)
            throws UsageException {
        return (int) number(line, option, defaultValue, min, max, true);
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
