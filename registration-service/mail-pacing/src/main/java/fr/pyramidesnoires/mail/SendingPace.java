package fr.pyramidesnoires.mail;

/**
 * How many mails may go now, at most so many a second: mail servers and their providers cap the rate at which they
 * take mail, and a rush of entries would otherwise send thousands at once. What is not used does not pile up beyond
 * one second's worth.
 */
public final class SendingPace {

    private static final double NANOS_PER_SECOND = 1e9;

    private final int perSecond;
    private double allowed;
    private long lastNanos;

    public SendingPace(int perSecond, long nowNanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("At least one mail a second, not " + perSecond);
        }
        this.perSecond = perSecond;
        this.allowed = perSecond;
        this.lastNanos = nowNanos;
    }

    /** How many mails may be sent at this moment. */
    public int allowed(long nowNanos) {
        allowed = Math.min(perSecond, allowed + perSecond * (nowNanos - lastNanos) / NANOS_PER_SECOND);
        lastNanos = nowNanos;
        return (int) allowed;
    }

    /** The mails just tried, sent or not: each attempt counts against the rate. */
    public void tried(int mails) {
        allowed = Math.max(0, allowed - mails);
    }
}
