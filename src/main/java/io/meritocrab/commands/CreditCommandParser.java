package io.meritocrab.commands;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the `/credit` command of a comment. The command is the first line that starts with the
 * keyword `/credit` (case-sensitive, followed by a space or the end of the line), ignoring lines inside
 * fenced code blocks, quoted lines (`>`, how a reply quotes someone else's command) and lines indented
 * four spaces or more (Markdown code). Lines before and after the command are free text (e.g. why the
 * override is made); the command line itself must follow the grammar exactly, or the command is
 * malformed. Subcommands are accepted in any case. Phones' typographic quotes (“ ” „) and minus
 * signs (− –) are accepted in an override. The original meritocrab's `/credit blacklist @login --remove`
 * is read as unblacklist; an unknown subcommand is answered with the usage, as the original does.
 */
public final class CreditCommandParser {

    public static final String KEYWORD = "/credit";
    /** The largest credit change one override may make. */
    public static final int MAX_DELTA = 1_000_000;
    /** The longest reason an override may give. */
    public static final int MAX_REASON = 500;

    /** The usage the bot replies with, after the explanation, to a malformed command. */
    public static final String USAGE = """
            Usage (maintainers only):
            - `/credit check @login`: credit, role, gate mode and the last 5 credit entries
            - `/credit override @login +N "reason"` (or `-N`): change the credit by N, with a reason
            - `/credit blacklist @login`
            - `/credit unblacklist @login` (or `/credit blacklist @login --remove`)
            - `/credit invite @login`: their next pull request below the credit threshold, within 14 days, stays open

            `@login` may also be a numeric user id, e.g. `@583231`.""";

    private static final Pattern FENCE = Pattern.compile(" {0,3}(```|~~~).*");
    private static final Pattern QUOTE = Pattern.compile(" {0,3}>.*");
    private static final Pattern COMMAND = Pattern.compile(" {0,3}" + Pattern.quote(KEYWORD) + "(?:[\\s\\u00A0](.*))?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern DELTA = Pattern.compile("([+\\-\\u2212\\u2013]?)([0-9]+)");
    private static final String OPENING_QUOTES = "\"\u201C\u201E";
    private static final String CLOSING_QUOTES = "\"\u201D\u201C";
    private static final List<String> TARGET_ONLY = List.of("check", "blacklist", "unblacklist", "invite");
    /** The original meritocrab's Actions-mode form of unblacklist: `/credit blacklist @login --remove`. */
    private static final String REMOVE = "--remove";

    private CreditCommandParser() {
    }

    public static CreditCommand parse(String body) {
        String line = commandLine(body);
        return line == null ? new CreditCommand.NotACommand() : parseLine(line.strip());
    }

    /** The arguments after `/credit` on the command line, or null when the comment has no command. */
    private static String commandLine(String body) {
        if (body == null) {
            return null;
        }
        String fence = null;
        for (String line : body.split("\\R", -1)) {
            Matcher fenceLine = FENCE.matcher(line);
            if (fenceLine.matches()) {
                // A block opened with ``` is closed only by ```, one opened with ~~~ only by ~~~.
                if (fence == null) {
                    fence = fenceLine.group(1);
                } else if (fence.equals(fenceLine.group(1))) {
                    fence = null;
                }
                continue;
            }
            if (fence != null || QUOTE.matcher(line).matches()) {
                continue;
            }
            Matcher command = COMMAND.matcher(line);
            if (command.matches()) {
                return command.group(1) == null ? "" : command.group(1);
            }
        }
        return null;
    }

    private static CreditCommand parseLine(String arguments) {
        if (arguments.isEmpty()) {
            return malformed("`/credit` needs a command.");
        }
        String[] words = SPACES.split(arguments, 3);
        String subcommand = words[0].toLowerCase(Locale.ROOT);
        if (!TARGET_ONLY.contains(subcommand) && !"override".equals(subcommand)) {
            return malformed("Unknown command `" + words[0] + "`.");
        }
        if (words.length < 2) {
            return malformed("`/credit " + subcommand + "` needs a contributor: `@login` or `@id`.");
        }
        CommandTarget target = target(words[1]);
        if (target == null) {
            return malformed("`" + words[1] + "` is not a contributor: write `@login` or `@id`.");
        }
        if (TARGET_ONLY.contains(subcommand)) {
            if ("blacklist".equals(subcommand) && words.length > 2 && REMOVE.equalsIgnoreCase(words[2].strip())) {
                return new CreditCommand.Unblacklist(target);
            }
            if (words.length > 2) {
                return malformed("`/credit " + subcommand + "` takes only a contributor; `" + words[2]
                        + "` is too much.");
            }
            return switch (subcommand) {
                case "check" -> new CreditCommand.Check(target);
                case "blacklist" -> new CreditCommand.Blacklist(target);
                case "invite" -> new CreditCommand.Invite(target);
                default -> new CreditCommand.Unblacklist(target);
            };
        }
        return override(target, words.length > 2 ? words[2] : "");
    }

    private static CreditCommand override(CommandTarget target, String rest) {
        String[] parts = SPACES.split(rest, 2);
        if (parts[0].isEmpty()) {
            return malformed("`/credit override` needs a change, like `+10` or `-10`, and a reason in quotes.");
        }
        Matcher delta = DELTA.matcher(parts[0]);
        if (!delta.matches()) {
            return malformed("`" + parts[0] + "` is not a change of credit: write `+N` or `-N`.");
        }
        String digits = delta.group(2).replaceFirst("^0+(?=.)", "");
        if (digits.length() > 7 || Integer.parseInt(digits) > MAX_DELTA) {
            return malformed("A change of " + parts[0] + " is too large: at most " + MAX_DELTA + " either way.");
        }
        int size = Integer.parseInt(digits);
        if (size == 0) {
            return malformed("A change of 0 changes nothing: write `+N` or `-N` with N at least 1.");
        }
        int change = delta.group(1).isEmpty() || "+".equals(delta.group(1)) ? size : -size;
        String reason = parts.length > 1 ? parts[1].strip() : "";
        if (reason.isEmpty()) {
            return malformed("`/credit override` needs a reason in quotes, like `\"helpful reviews\"`.");
        }
        if (OPENING_QUOTES.indexOf(reason.charAt(0)) < 0 || reason.length() < 2
                || CLOSING_QUOTES.indexOf(reason.charAt(reason.length() - 1)) < 0) {
            return malformed("The reason must be in double quotes, like `\"helpful reviews\"`, and end the line.");
        }
        String quoted = reason.substring(1, reason.length() - 1).strip();
        if (quoted.isEmpty()) {
            return malformed("The reason must not be empty.");
        }
        if (quoted.length() > MAX_REASON) {
            return malformed("The reason is " + quoted.length() + " characters long; at most " + MAX_REASON + ".");
        }
        return new CreditCommand.Override(target, change, quoted);
    }

    private static CommandTarget target(String word) {
        if (!word.startsWith("@")) {
            return null;
        }
        String name = word.substring(1);
        if (DIGITS.matcher(name).matches()) {
            try {
                long id = Long.parseLong(name);
                return id > 0 ? new CommandTarget.UserId(id) : null;
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
        return LOGIN.matcher(name).matches() ? new CommandTarget.Login(name) : null;
    }

    private static CreditCommand.Malformed malformed(String explanation) {
        return new CreditCommand.Malformed(explanation);
    }
}
