package io.meritocrab.gate;

/**
 * The texts posted on GitHub. The shadow-close text must never hint at blacklists, spam or scores.
 */
public final class GateMessages {

    public static final String SHADOW_CLOSE = "Thank you for your contribution. Unfortunately, we are unable "
            + "to accept this pull request at this time.";

    private GateMessages() {
    }

    public static String belowThreshold(String login, int credit, int threshold) {
        return "Hi @" + login + ", thank you for your interest in contributing!\n\n"
                + "This repository asks contributors to build up their credit before opening pull requests. "
                + "Your current credit is " + credit + ", and opening a pull request needs at least "
                + threshold + ".\n\n"
                + "You can earn credit by taking part in issues and discussions with helpful, substantive "
                + "comments and by reviewing pull requests. Once your credit reaches " + threshold
                + ", you are welcome to open this pull request again.";
    }
}
