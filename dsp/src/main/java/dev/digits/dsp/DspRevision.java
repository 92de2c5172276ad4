package dev.digits.dsp;

/**
 * The revision of the numbers this module computes. An extractor built on it reports
 * {@link #of(int) DspRevision.of(ownRevision)} as its {@code revision()}, so a change to shared DSP code raises
 * the revision of every extractor that uses it, and their cached features and bundles are recomputed or warned
 * about. {@code DspRevisionTest} fingerprints every function here and fails until {@link #CURRENT} is raised
 * when their output changes.
 */
public final class DspRevision {
    /** Raised by one whenever any class in this module starts giving different numbers. */
    public static final int CURRENT = 1;

    private DspRevision() {
    }

    /**
     * An extractor's revision including this module's: its own revision while the shared code is at revision 1,
     * one more for every later shared revision (both only ever grow, so the sum never repeats an older state).
     */
    public static int of(int ownRevision) {
        if (ownRevision < 1) {
            throw new IllegalArgumentException("revisions start at 1, got " + ownRevision);
        }
        return ownRevision + CURRENT - 1;
    }
}
