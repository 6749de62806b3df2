package io.meritocrab.admin;

import io.meritocrab.platform.Timestamps;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A repository's whole ledger as CSV (RFC 4180), oldest entry first, read in id-ordered batches. */
@ApplicationScoped
public class LedgerExport {

    static final String HEADER = "id,created_at,login,user_id,kind,requested_delta,delta,credit_before,credit_after,"
            + "actor,reason,evaluation_id,delivery_id\r\n";
    private static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    public void write(TrackedRepository repository, Writer out) throws IOException {
        out.write(HEADER);
        long after = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.created_at, c.login, c.user_id, e.kind, "
                            + "e.requested_delta, e.delta, e.credit_before, e.credit_after, e.actor, e.reason, "
                            + "e.evaluation_id, e.delivery_id FROM ledger_entry e JOIN contributor c "
                            + "ON c.id = e.contributor_id WHERE e.repository_id = ? AND e.id > ? ORDER BY e.id")
                    .setParameter(1, repository.id())
                    .setParameter(2, after)
                    .setMaxResults(BATCH)
                    .getResultList();
            for (Object[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Object value = i == 1 ? Timestamps.fromColumn(row[i]) : row[i];
                    line.append(field(value));
                }
                out.write(line.append("\r\n").toString());
            }
            if (rows.size() < BATCH) {
                break;
            }
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
        }
        out.flush();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading =, +, - or @ would make a spreadsheet run the text as a formula.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
