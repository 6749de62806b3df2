package io.meritocrab.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.commands.CommandTarget.Login;
import io.meritocrab.commands.CommandTarget.UserId;
import io.meritocrab.commands.CreditCommand.Blacklist;
import io.meritocrab.commands.CreditCommand.Check;
import io.meritocrab.commands.CreditCommand.Invite;
import io.meritocrab.commands.CreditCommand.Malformed;
import io.meritocrab.commands.CreditCommand.NotACommand;
import io.meritocrab.commands.CreditCommand.Override;
import io.meritocrab.commands.CreditCommand.Unblacklist;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CreditCommandParserTest {

    @Test
    void checkBlacklistAndUnblacklistByLogin() {
        assertThat(parse("/credit check @octocat")).isEqualTo(new Check(new Login("octocat")));
        assertThat(parse("/credit blacklist @spam-bot-9")).isEqualTo(new Blacklist(new Login("spam-bot-9")));
        assertThat(parse("/credit unblacklist @Alice")).isEqualTo(new Unblacklist(new Login("Alice")));
        assertThat(parse("/credit invite @newcomer")).isEqualTo(new Invite(new Login("newcomer")));
        assertThat(parse("/credit INVITE @42")).isEqualTo(new Invite(new UserId(42)));
        assertThat(malformed("/credit invite @newcomer now"))
                .isEqualTo("`/credit invite` takes only a contributor; `now` is too much.");
    }

    @Test
    void aNumericTargetIsAUserId() {
        assertThat(parse("/credit check @583231")).isEqualTo(new Check(new UserId(583231)));
        assertThat(parse("/credit override @12345 -5 \"spam\"")).isEqualTo(new Override(new UserId(12345), -5, "spam"));
    }

    @Test
    void overrideWithEitherSign() {
        assertThat(parse("/credit override @alice +10 \"great reviews\""))
                .isEqualTo(new Override(new Login("alice"), 10, "great reviews"));
        assertThat(parse("/credit override @alice -25 \"promotional links\""))
                .isEqualTo(new Override(new Login("alice"), -25, "promotional links"));
        assertThat(parse("/credit override @alice 7 \"no sign means more\""))
                .isEqualTo(new Override(new Login("alice"), 7, "no sign means more"));
    }

    @Test
    void phonesTypographyIsAccepted() {
        assertThat(parse("/credit override @alice +3 \u201Cthanks for the docs\u201D"))
                .isEqualTo(new Override(new Login("alice"), 3, "thanks for the docs"));
        assertThat(parse("/credit override @alice \u22124 \u201Eoff-topic\u201C"))
                .isEqualTo(new Override(new Login("alice"), -4, "off-topic"));
        assertThat(parse("/credit override @alice \u20132 \"dash\"")).isEqualTo(new Override(new Login("alice"), -2, "dash"));
        assertThat(parse("/credit\u00A0check\u00A0@alice")).isEqualTo(new Check(new Login("alice")));
    }

    @Test
    void theReasonKeepsInnerQuotesAndIsTrimmed() {
        assertThat(parse("/credit override @bob +1 \"  said \"thanks\" twice \""))
                .isEqualTo(new Override(new Login("bob"), 1, "said \"thanks\" twice"));
    }

    @Test
    void extraSpacesAndSubcommandCaseAreTolerated() {
        assertThat(parse("  /credit   Check    @alice   ")).isEqualTo(new Check(new Login("alice")));
        assertThat(parse("/credit OVERRIDE @alice  +2   \"ok\"")).isEqualTo(new Override(new Login("alice"), 2, "ok"));
    }

    @Test
    void theCommandIsTheFirstLineStartingWithTheKeyword() {
        assertThat(parse("Thanks for flagging this.\n\n/credit blacklist @spammer\n/credit check @alice"))
                .isEqualTo(new Blacklist(new Login("spammer")));
        assertThat(parse("\r\n/credit check @alice\r\nLines after the command are a note.\r\n"))
                .isEqualTo(new Check(new Login("alice")));
    }

    @Test
    void commandsInCodeBlocksAndQuotesAreNotCommands() {
        assertThat(parse("Use it like this:\n```\n/credit override @alice +5 \"x\"\n```\n")).isEqualTo(new NotACommand());
        assertThat(parse("~~~text\n/credit check @bob\n~~~")).isEqualTo(new NotACommand());
        assertThat(parse("> /credit blacklist @bob\n\nWhy would you do that?")).isEqualTo(new NotACommand());
        assertThat(parse(">/credit check @bob")).isEqualTo(new NotACommand());
        assertThat(parse("    /credit check @bob")).isEqualTo(new NotACommand());
        assertThat(parse("> /credit check @bob\n/credit check @carol")).isEqualTo(new Check(new Login("carol")));
        assertThat(parse("```\n/credit check @bob\n```\n/credit check @carol")).isEqualTo(new Check(new Login("carol")));
        assertThat(parse("```\n~~~\n/credit check @bob\n```")).isEqualTo(new NotACommand());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Looks good to me!", "Use `/credit check @me` to see your credit.",
            "/Credit check @alice", "/CREDIT check @alice", "/credits check @alice", "/creditcheck @alice",
            "credit check @alice", "//credit check @alice"})
    void ordinaryCommentsAreNotCommands(String body) {
        assertThat(parse(body)).isEqualTo(new NotACommand());
    }

    @Test
    void aNullBodyIsNotACommand() {
        assertThat(CreditCommandParser.parse(null)).isEqualTo(new NotACommand());
    }

    @Test
    void malformedCommandsSayWhatIsWrong() {
        assertThat(malformed("/credit")).isEqualTo("`/credit` needs a command.");
        assertThat(malformed("/credit   ")).isEqualTo("`/credit` needs a command.");
        assertThat(malformed("/credit give @alice +5 \"x\"")).isEqualTo("Unknown command `give`.");
        assertThat(malformed("/credit check")).isEqualTo("`/credit check` needs a contributor: `@login` or `@id`.");
        assertThat(malformed("/credit check alice")).isEqualTo("`alice` is not a contributor: write `@login` or `@id`.");
        assertThat(malformed("/credit check @")).isEqualTo("`@` is not a contributor: write `@login` or `@id`.");
        assertThat(malformed("/credit check @0")).isEqualTo("`@0` is not a contributor: write `@login` or `@id`.");
        assertThat(malformed("/credit check @99999999999999999999"))
                .isEqualTo("`@99999999999999999999` is not a contributor: write `@login` or `@id`.");
        assertThat(malformed("/credit check @bad_name")).isEqualTo("`@bad_name` is not a contributor: write `@login` or `@id`.");
        assertThat(malformed("/credit check @alice please"))
                .isEqualTo("`/credit check` takes only a contributor; `please` is too much.");
        assertThat(malformed("/credit blacklist @alice @bob"))
                .isEqualTo("`/credit blacklist` takes only a contributor; `@bob` is too much.");
    }

    @Test
    void malformedOverrides() {
        assertThat(malformed("/credit override @alice"))
                .isEqualTo("`/credit override` needs a change, like `+10` or `-10`, and a reason in quotes.");
        assertThat(malformed("/credit override @alice ten \"x\""))
                .isEqualTo("`ten` is not a change of credit: write `+N` or `-N`.");
        assertThat(malformed("/credit override @alice +5.5 \"x\""))
                .isEqualTo("`+5.5` is not a change of credit: write `+N` or `-N`.");
        assertThat(malformed("/credit override @alice +0 \"x\""))
                .isEqualTo("A change of 0 changes nothing: write `+N` or `-N` with N at least 1.");
        assertThat(malformed("/credit override @alice -000 \"x\""))
                .isEqualTo("A change of 0 changes nothing: write `+N` or `-N` with N at least 1.");
        assertThat(malformed("/credit override @alice +1000001 \"x\""))
                .isEqualTo("A change of +1000001 is too large: at most 1000000 either way.");
        assertThat(malformed("/credit override @alice -99999999999999999999 \"x\""))
                .isEqualTo("A change of -99999999999999999999 is too large: at most 1000000 either way.");
        assertThat(malformed("/credit override @alice +5"))
                .isEqualTo("`/credit override` needs a reason in quotes, like `\"helpful reviews\"`.");
        assertThat(malformed("/credit override @alice +5 helpful reviews"))
                .isEqualTo("The reason must be in double quotes, like `\"helpful reviews\"`, and end the line.");
        assertThat(malformed("/credit override @alice +5 \"unterminated"))
                .isEqualTo("The reason must be in double quotes, like `\"helpful reviews\"`, and end the line.");
        assertThat(malformed("/credit override @alice +5 \"x\" trailing"))
                .isEqualTo("The reason must be in double quotes, like `\"helpful reviews\"`, and end the line.");
        assertThat(malformed("/credit override @alice +5 \"\"")).isEqualTo("The reason must not be empty.");
        assertThat(malformed("/credit override @alice +5 \"   \"")).isEqualTo("The reason must not be empty.");
        assertThat(malformed("/credit override @alice +5 \"" + "x".repeat(501) + "\""))
                .isEqualTo("The reason is 501 characters long; at most 500.");
        assertThat(parse("/credit override @alice +1000000 \"" + "x".repeat(500) + "\""))
                .isEqualTo(new Override(new Login("alice"), 1_000_000, "x".repeat(500)));
    }

    @Test
    void theReplyToAMalformedCommandIsTheExplanationThenTheUsage() {
        Malformed malformed = (Malformed) parse("/credit frobnicate");

        assertThat(malformed.reply()).isEqualTo("Unknown command `frobnicate`.\n\n" + CreditCommandParser.USAGE);
        assertThat(CreditCommandParser.USAGE).isEqualTo("""
                Usage (maintainers only):
                - `/credit check @login`: credit, role, gate mode and the last 5 credit entries
                - `/credit override @login +N "reason"` (or `-N`): change the credit by N, with a reason
                - `/credit blacklist @login`
                - `/credit unblacklist @login` (or `/credit blacklist @login --remove`)
                - `/credit invite @login`: their next pull request below the credit threshold, within 14 days, stays open

                `@login` may also be a numeric user id, e.g. `@583231`.""");
    }

    @Test
    void theOriginalsBlacklistRemoveIsUnblacklist() {
        assertThat(parse("/credit blacklist @alice --remove")).isEqualTo(new Unblacklist(new Login("alice")));
        assertThat(parse("/credit BLACKLIST @42 --Remove")).isEqualTo(new Unblacklist(new UserId(42)));
        assertThat(malformed("/credit blacklist @alice --remove now"))
                .isEqualTo("`/credit blacklist` takes only a contributor; `--remove now` is too much.");
        assertThat(malformed("/credit check @alice --remove"))
                .isEqualTo("`/credit check` takes only a contributor; `--remove` is too much.");
    }

    @Test
    void targetsPrintAsWritten() {
        assertThat(new Login("alice")).hasToString("@alice");
        assertThat(new UserId(42)).hasToString("@42");
    }

    private static CreditCommand parse(String body) {
        return CreditCommandParser.parse(body);
    }

    private static String malformed(String body) {
        CreditCommand command = parse(body);
        assertThat(command).as(body).isInstanceOf(Malformed.class);
        return ((Malformed) command).explanation();
    }
}
