package io.meritocrab.admin;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.ContributorRepository;
import io.meritocrab.ledger.LedgerEntries;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.repos.TrackedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A repository's whole ledger as CSV (RFC 4180), oldest entry first, read in id-ordered batches. */
@ApplicationScoped
public class LedgerExport {

    static final String HEADER = "id,created_at,login,user_id,kind,requested_delta,delta,credit_before,credit_after,"
            + "actor,reason,evaluation_id,delivery_id\r\n";
    private static final int BATCH = 1000;

    @Inject
    LedgerEntries entries;
    @Inject
    ContributorRepository contributors;

    public void write(TrackedRepository repository, Writer out) throws IOException {
        out.write(HEADER);
        long after = 0;
        while (true) {
            List<LedgerEntry> rows = entries.oldestAfter(repository.id(), after, BATCH);
            Map<Long, Contributor> who = contributors.byIds(rows.stream().map(LedgerEntry::contributorId).toList());
            for (LedgerEntry e : rows) {
                Contributor c = who.get(e.contributorId());
                List<Object> values = Arrays.asList(e.id(), e.createdAt(), c.login(), c.userId(), e.kind(),
                        e.requestedDelta(), e.delta(), e.creditBefore(), e.creditAfter(), e.actor(), e.reason(),
                        e.evaluationId(), e.deliveryId());
                out.write(values.stream().map(LedgerExport::field).collect(Collectors.joining(",", "", "\r\n")));
            }
            if (rows.size() < BATCH) {
                break;
            }
            after = rows.get(rows.size() - 1).id();
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
