package dev.genguard.engine.governance;

/**
 * A security review marker: a {@code SecurityReviewed} annotation or a {@code genguard:reviewed-by NAME [TICKET]}
 * comment.
 *
 * @param by     who reviewed
 * @param date   when, as written (may be empty)
 * @param ticket the review ticket (may be empty)
 * @param marker "annotation" or "comment"
 * @param line   the marker's line
 */
public record Review(String by, String date, String ticket, String marker, int line) {

    public Review {
        by = by == null ? "" : by.strip();
        date = date == null ? "" : date.strip();
        ticket = ticket == null ? "" : ticket.strip();
    }
}
