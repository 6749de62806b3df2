package io.meritocrab.commands;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.maintainer.MaintainerActions.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The texts the bot replies to maintainers' `/credit` commands with. */
@ApplicationScoped
public class CommandReplies {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String check(Contributor contributor, String role, String mode, List<LedgerEntry> latest) {
        StringBuilder reply = new StringBuilder()
                .append("**@").append(contributor.login()).append("** (user id ").append(contributor.userId())
                .append(")\n\n")
                .append("- Credit: ").append(contributor.credit()).append('\n')
                .append("- Role: ").append(role).append('\n')
                .append("- Blacklisted: ").append(contributor.blacklisted() ? "yes" : "no").append('\n')
                .append("- Gate mode: ").append(mode).append('\n');
        if (latest.isEmpty()) {
            return reply.append("\nNo ledger entries yet.").toString();
        }
        reply.append("\nLast ").append(latest.size()).append(latest.size() == 1 ? " entry" : " entries")
                .append(", newest first:\n\n| when | kind | change | credit | by | reason |\n|---|---|---|---|---|---|\n");
        for (LedgerEntry entry : latest) {
            reply.append("| ").append(WHEN.format(entry.createdAt()))
                    .append(" | ").append(entry.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(" | ").append(signed(entry.delta()))
                    .append(" | ").append(entry.creditBefore()).append(" → ").append(entry.creditAfter())
                    .append(" | ").append(entry.actor())
                    .append(" | ").append(cell(entry.reason())).append(" |\n");
        }
        return reply.toString();
    }

    public String unknownContributor(CommandTarget target, int startingCredit, String mode) {
        return target + " has no ledger in this repository yet; they would start with " + startingCredit
                + " credit. Gate mode: " + mode + ".";
    }

    public String overridden(Outcome outcome, int requested, String reason) {
        String reply = "Credit of @" + outcome.login() + " changed by " + signed(requested) + " (\"" + reason
                + "\"): now " + outcome.credit() + ".";
        return outcome.blacklisted() ? reply + " @" + outcome.login() + " is blacklisted." : reply;
    }

    public String blacklisted(Outcome outcome) {
        return outcome.changed() ? "@" + outcome.login() + " is now blacklisted."
                : "@" + outcome.login() + " was already blacklisted.";
    }

    public String unblacklisted(Outcome outcome) {
        return outcome.changed() ? "@" + outcome.login() + " is no longer blacklisted (credit " + outcome.credit() + ")."
                : "@" + outcome.login() + " was not blacklisted.";
    }

    private static String signed(int delta) {
        return delta > 0 ? "+" + delta : String.valueOf(delta);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
