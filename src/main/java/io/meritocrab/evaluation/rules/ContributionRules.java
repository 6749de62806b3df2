package io.meritocrab.evaluation.rules;

import io.meritocrab.evaluation.Contribution;
import java.util.List;

/**
 * The rules themselves. Each looks at a contribution's facts and {@link TextSignals} and, when it fires,
 * adds a weight and a short reason to a {@link SignalTally}; {@link RulesEvaluator} turns the sums into a
 * verdict. The weights:
 *
 * <pre>
 * spam signals (title and description of a pull request, text of a comment)
 *   same text sent to 2+ other repositories   0.70, +0.05 per further repository, at most 0.90;
 *                                             halved for texts under 5 words, halved again for
 *                                             authors GitHub already knows in this repository
 *   link spam: 3+ off-GitHub links, at most 10 words per link                     0.60
 *   links through URL shorteners                                                 0.35
 *   instructions aimed at an AI reviewer ("ignore previous instructions")        0.35
 *   promotional phrases (casino, buy now, seo, ...)        0.25 each, at most 0.50
 *   promotional phrases together with an off-GitHub link                        +0.20
 *   all caps                                                                     0.20
 * low-effort signals
 *   comment: empty, emoji only, or only "+1"/"thanks"/"same here"/"any update?"   0.80
 *   pull request: empty description, or only the unfilled template               0.40
 *   pull request: that, on a large change (1000+ lines or 50+ files)            +0.20
 *   pull request: tiny (4 lines or fewer, 1 file) typo/whitespace/readme change
 *                 from a new contributor                                          0.50
 * quality signals
 *   pull request: detailed description (3+ sentences, 30+ words) 0.40; references an issue 0.20;
 *                 explains why 0.15; reasonable diff (under 1000 lines, at most 30 files) 0.15;
 *                 mentions tests 0.10
 *   comment: fenced code block 0.40; stack trace 0.40; several sentences (3+, 30+ words) 0.35;
 *            inline code 0.20; long explanation (5+ sentences, 80+ words) 0.15; references an issue 0.10
 * </pre>
 */
final class ContributionRules {

    private static final int REPOST_THRESHOLD = 2;
    private static final double REPOST_WEIGHT = 0.70;
    private static final double REPOST_STEP = 0.05;
    private static final double REPOST_MAX = 0.90;
    private static final int SHORT_TEXT_WORDS = 5;
    private static final int LINK_SPAM_MIN_LINKS = 3;
    private static final int LINK_SPAM_MAX_WORDS_PER_LINK = 10;
    private static final double PROMOTIONAL_WEIGHT = 0.25;
    private static final double PROMOTIONAL_MAX = 0.50;

    private static final int LARGE_CHANGE_LINES = 1000;
    private static final int LARGE_CHANGE_FILES = 50;
    private static final int REASONABLE_MAX_FILES = 30;
    private static final int TINY_CHANGE_LINES = 4;
    private static final int DETAILED_SENTENCES = 3;
    private static final int DETAILED_WORDS = 30;
    private static final int LONG_SENTENCES = 5;
    private static final int LONG_WORDS = 80;

    private ContributionRules() {
    }

    /** Rules for what the author wrote; for a pull request that is title and description together. */
    static void applySpamRules(Contribution contribution, TextSignals body, TextSignals authored, SignalTally tally) {
        int elsewhere = contribution.sameTextElsewhere();
        if (elsewhere >= REPOST_THRESHOLD && !body.blank()) {
            double weight = Math.min(REPOST_MAX, REPOST_WEIGHT + REPOST_STEP * (elsewhere - REPOST_THRESHOLD));
            weight *= body.words() < SHORT_TEXT_WORDS ? 0.5 : 1.0;
            weight *= contribution.fromNewContributor() ? 1.0 : 0.5;
            tally.addSpam(weight, "same text posted to " + elsewhere + " other repositories");
        }
        Links.Count links = authored.links();
        if (links.external() >= LINK_SPAM_MIN_LINKS
                && authored.words() <= links.external() * LINK_SPAM_MAX_WORDS_PER_LINK) {
            tally.addSpam(0.60, "link spam: " + count(links.external(), "link")
                    + " in " + count(authored.words(), "word"));
        }
        if (links.shortened() > 0) {
            tally.addSpam(0.35, "links through a URL shortener: " + links.shortened());
        }
        if (!authored.phrasesFound(Phrases.REVIEWER_INSTRUCTIONS).isEmpty()) {
            tally.addSpam(0.35, "tries to instruct an AI reviewer");
        }
        List<String> promotional = authored.phrasesFound(Phrases.PROMOTIONAL);
        if (!promotional.isEmpty()) {
            double weight = Math.min(PROMOTIONAL_MAX, PROMOTIONAL_WEIGHT * promotional.size());
            tally.addSpam(weight, "promotional wording (" + String.join(", ", promotional) + ")");
        }
        if (!promotional.isEmpty() && links.external() > 0) {
            tally.addSpam(0.20, "advertises an outside link");
        }
        if (authored.isShouting()) {
            tally.addSpam(0.20, "written in all caps");
        }
    }

    static void applyPullRequestRules(Contribution contribution, TextSignals body, TextSignals authored,
            SignalTally tally) {
        long changedLines = (long) Math.max(0, contribution.additions()) + Math.max(0, contribution.deletions());
        int files = Math.max(0, contribution.changedFiles());
        boolean undescribed = body.blank() || body.isTemplateOnly();
        if (undescribed) {
            tally.addLowEffort(0.40, body.blank() ? "empty description" : "description is only the unfilled template");
        }
        if (undescribed && (changedLines >= LARGE_CHANGE_LINES || files >= LARGE_CHANGE_FILES)) {
            tally.addLowEffort(0.20, "large change (" + count(changedLines, "line") + " in "
                    + count(files, "file") + ") left undescribed");
        }
        if (contribution.fromNewContributor() && changedLines <= TINY_CHANGE_LINES && files <= 1
                && !authored.phrasesFound(Phrases.TRIVIAL_FIX).isEmpty()) {
            tally.addLowEffort(0.50, "tiny typo/whitespace change (" + count(changedLines, "line")
                    + ") from a new contributor");
        }
        if (body.sentences() >= DETAILED_SENTENCES && body.words() >= DETAILED_WORDS) {
            tally.addQuality(0.40, "detailed description (" + body.sentences() + " sentences)");
        }
        if (body.referencesIssue()) {
            tally.addQuality(0.20, "references an issue");
        }
        if (!body.phrasesFound(Phrases.MOTIVATION).isEmpty()) {
            tally.addQuality(0.15, "explains why");
        }
        if (changedLines > 0 && changedLines < LARGE_CHANGE_LINES && files <= REASONABLE_MAX_FILES) {
            tally.addQuality(0.15, "reasonably sized diff (" + count(changedLines, "line") + ")");
        }
        if (!body.phrasesFound(Phrases.TESTS).isEmpty()) {
            tally.addQuality(0.10, "mentions tests");
        }
    }

    static void applyCommentRules(TextSignals body, SignalTally tally) {
        if (body.blank()) {
            tally.addLowEffort(0.80, "empty comment");
        } else if (body.hasNoWords()) {
            tally.addLowEffort(0.80, "emoji-only comment");
        } else if (body.isOnlyFiller()) {
            tally.addLowEffort(0.80, "content-free reply (+1 / thanks / same here / any update)");
        }
        if (body.hasFencedCode()) {
            tally.addQuality(0.40, "includes a code block");
        }
        if (body.hasStackTrace()) {
            tally.addQuality(0.40, "includes a stack trace");
        }
        if (body.sentences() >= DETAILED_SENTENCES && body.words() >= DETAILED_WORDS) {
            tally.addQuality(0.35, "several sentences of explanation");
        }
        if (body.hasInlineCode()) {
            tally.addQuality(0.20, "refers to code");
        }
        if (body.sentences() >= LONG_SENTENCES && body.words() >= LONG_WORDS) {
            tally.addQuality(0.15, "long explanation");
        }
        if (body.referencesIssue()) {
            tally.addQuality(0.10, "references an issue");
        }
    }

    /** "1 line", "2 lines". */
    private static String count(long amount, String noun) {
        return amount + " " + noun + (amount == 1 ? "" : "s");
    }
}
