package io.meritocrab.commands;

import io.meritocrab.ledger.Contributor;
import io.meritocrab.ledger.LedgerEntry;
import io.meritocrab.maintainer.MaintainerActions.Outcome;
import io.meritocrab.platform.DeploymentSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The texts the bot replies to maintainers' `/credit` commands with. Replies are public comments, so
 * none of them reveals a blacklist (SPEC §4): status changes, and overrides that cross the blacklist
 * threshold, are answered with the same neutral text, and `/credit check` shows credit entries only,
 * pointing to the console, where maintainers see the status.
 */
@ApplicationScoped
public class CommandReplies {

    /** The one answer to every change of a contributor's status, whatever it was. */
    public static final String STATUS_UPDATED = "User status updated.";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    DeploymentSettings deployment;

    public String check(String repository, Contributor contributor, String role, String mode,
                        Optional<Instant> inviteUntil, List<LedgerEntry> latest) {
        StringBuilder reply = new StringBuilder()
                .append("**@").append(contributor.login()).append("** (user id ").append(contributor.userId())
                .append(")\n\n")
                .append("- Credit: ").append(contributor.credit()).append('\n')
                .append("- Role: ").append(role).append('\n')
                .append("- Gate mode: ").append(mode).append('\n');
        inviteUntil.ifPresent(until -> reply.append("- Invited until ").append(WHEN.format(until)).append('\n'));
        reply.append("- Console: ").append(consolePage(repository, contributor.login())).append('\n');
        if (latest.isEmpty()) {
            return reply.append("\nNo credit entries yet.").toString();
        }
        reply.append("\nLast ").append(latest.size()).append(latest.size() == 1 ? " credit entry" : " credit entries")
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

    /** The contributor's page in the console: a link when the server's public address is configured. */
    String consolePage(String repository, String login) {
        String path = "/console/contributor.xhtml?repo=" + URLEncoder.encode(repository, StandardCharsets.UTF_8)
                + "&login=" + URLEncoder.encode(login, StandardCharsets.UTF_8);
        return deployment.publicBaseUrl().map(url -> url + path)
                .map(url -> "[contributor page](" + url + ")")
                .orElse("`" + path + "` on the Meritocrab server");
    }

    public String invited(String login, Instant until) {
        return "@" + login + " is invited: their next pull request below the credit threshold stays open, once, "
                + "if opened before " + WHEN.format(until) + ".";
    }

    public String unknownContributor(CommandTarget target, int startingCredit, String mode) {
        return target + " has no ledger in this repository yet; they would start with " + startingCredit
                + " credit. Gate mode: " + mode + ".";
    }

    public String overridden(Outcome outcome, int requested, String reason) {
        if (outcome.blacklisted()) {
            return STATUS_UPDATED;
        }
        return "Credit of @" + outcome.login() + " changed by " + signed(requested) + " (\"" + reason
                + "\"): now " + outcome.credit() + ".";
    }

    public String statusChanged() {
        return STATUS_UPDATED;
    }

    private static String signed(int delta) {
        return delta > 0 ? "+" + delta : String.valueOf(delta);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
