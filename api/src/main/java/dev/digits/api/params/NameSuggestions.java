package dev.digits.api.params;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for a misspelt key or plugin name: the closest known name by edit distance. */
public final class NameSuggestions {
    private NameSuggestions() {
    }

    /** The closest candidate, if it is close enough to be a plausible typo. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String lower = input.toLowerCase();
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> editDistance(lower, c.toLowerCase())))
                .filter(c -> editDistance(lower, c.toLowerCase()) <= Math.max(2, Math.min(lower.length(), c.length()) / 3));
    }

    /** {@code " (did you mean 'x'?)"} or an empty string. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Levenshtein distance. */
    public static int editDistance(CharSequence a, CharSequence b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
