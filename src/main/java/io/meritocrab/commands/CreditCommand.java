package io.meritocrab.commands;

/** What a comment asks of the bot, as {@link CreditCommandParser} reads it. */
public sealed interface CreditCommand {

    /** The comment contains no `/credit` command (it is an ordinary comment). */
    record NotACommand() implements CreditCommand {
    }

    /** `/credit check @login`: credit, role, status and the last ledger entries. */
    record Check(CommandTarget target) implements CreditCommand {
    }

    /** `/credit override @login +N "reason"`: a ledger entry by the maintainer; delta is never 0. */
    record Override(CommandTarget target, int delta, String reason) implements CreditCommand {
    }

    /** `/credit blacklist @login`. */
    record Blacklist(CommandTarget target) implements CreditCommand {
    }

    /** `/credit unblacklist @login`. */
    record Unblacklist(CommandTarget target) implements CreditCommand {
    }

    /** `/credit invite @login`: the contributor's next below-threshold pull request passes the gate once. */
    record Invite(CommandTarget target) implements CreditCommand {
    }

    /** A `/credit` line that does not follow the grammar; {@code explanation} says what is wrong. */
    record Malformed(String explanation) implements CreditCommand {

        /** The bot's reply: what is wrong, then the usage. */
        public String reply() {
            return explanation + "\n\n" + CreditCommandParser.USAGE;
        }
    }
}
