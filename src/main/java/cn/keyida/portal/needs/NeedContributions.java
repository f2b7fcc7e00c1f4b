package cn.keyida.portal.needs;

import java.time.Instant;
import java.util.List;

/**
 * What other features add to a need's page without needs knowing them (the expert pool's advice):
 * needs asks every implementation for the entries of a need and shows them in order.
 */
public interface NeedContributions {

    /** One entry: who wrote what when; {@code link}/{@code linkLabel} an optional action (may be null). */
    record Contribution(String heading, String author, Instant at, String text, String link, String linkLabel) {}

    /** The entries the enterprise may see on its need page. */
    List<Contribution> forEnterprise(long needId);

    /** The entries staff see on the need page (all of them, private ones included). */
    List<Contribution> forStaff(long needId);
}
