package encore.analytics;

/**
 * The dashboard's headline numbers.
 *
 * @param plays     songplays
 * @param listeners distinct users among them
 * @param sessions  distinct (user, session id) pairs among them
 * @param paidShare share of the plays at the paid level, 0..1 (0 when there are no plays)
 */
public record Kpis(long plays, long listeners, long sessions, double paidShare) {
}
