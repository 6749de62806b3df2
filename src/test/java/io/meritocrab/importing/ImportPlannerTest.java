package io.meritocrab.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.importing.ImportPlanner.Planned;
import io.meritocrab.importing.ImportPlanner.Standing;
import io.meritocrab.importing.ImportPlanner.Step;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {

    private static final String PREFIX = "meritocrab-db:acme/widgets:42";
    private static final Standing NEW = new Standing(false, 100, false);

    private static OriginalLedger.Event event(int id, String type, int delta, int before, int after) {
        return new OriginalLedger.Event(PREFIX + ":event:" + id, type, delta, before, after,
                "2025-01-0" + id + "T10:00:00Z", "{\"classification\":\"HighQuality\"}", null, null);
    }

    private static OriginalLedger.Contributor contributor(int credit, boolean blacklisted, OriginalLedger.Event... events) {
        return new OriginalLedger.Contributor(42, null, credit, blacklisted, List.of(events), PREFIX);
    }

    @Test
    void eachEventBecomesAnEntryThatStartsWhereThePreviousEndedAndEndsWhereTheOriginalsDid() {
        OriginalLedger.Contributor original = contributor(110, false,
                event(1, "pr_opened", 15, 100, 115), event(2, "comment", -5, 115, 110));

        List<Planned> plan = ImportPlanner.plan(original, NEW, Set.of());

        assertThat(plan).extracting(Planned::creditBefore).containsExactly(100, 115);
        assertThat(plan).extracting(Planned::creditAfter).containsExactly(115, 110);
        assertThat(plan).extracting(Planned::originalDelta).containsExactly(15, -5);
        assertThat(plan).extracting(Planned::key).containsExactly(PREFIX + ":event:1", PREFIX + ":event:2");
    }

    @Test
    void theReasonKeepsTheOriginalEventTypeDeltaBeforeAfterTimeAndEvaluation() {
        String reason = ImportPlanner.plan(contributor(115, false, event(1, "pr_opened", 15, 100, 115)), NEW, Set.of())
                .get(0).reason();

        assertThat(reason).contains("pr_opened").contains("+15").contains("100 -> 115")
                .contains("2025-01-01T10:00:00Z").contains("HighQuality");
    }

    @Test
    void aHistoryThatStartsElsewhereOrEndsBelowTheCreditIsBroughtToTheOriginalsCreditByOneMoreEntry() {
        OriginalLedger.Contributor original = contributor(140, false, event(1, "comment", 5, 120, 125));

        List<Planned> plan = ImportPlanner.plan(original, NEW, Set.of());

        assertThat(plan).extracting(Planned::creditBefore).containsExactly(100, 125);
        assertThat(plan).extracting(Planned::creditAfter).containsExactly(125, 140);
        assertThat(plan.get(1).key()).isEqualTo(original.creditKey());
    }

    @Test
    void planningAgainWithWhatWasWrittenPlansNothing() {
        OriginalLedger.Contributor original = contributor(0, true,
                event(1, "comment", -60, 100, 40), event(2, "manual_adjustment", -40, 40, 0));
        List<Planned> first = ImportPlanner.plan(original, NEW, Set.of());
        Set<String> written = first.stream().map(Planned::key).collect(Collectors.toSet());

        assertThat(first).extracting(Planned::step).containsExactly(Step.CREDIT, Step.CREDIT, Step.BLACKLIST);
        assertThat(ImportPlanner.plan(original, new Standing(true, 0, true), written)).isEmpty();
        assertThat(ImportPlanner.plan(original, new Standing(true, 0, false), written))
                .as("a maintainer here lifted the blacklist after the import: the import does not set it again")
                .isEmpty();
    }

    @Test
    void creditEarnedHereAfterAnImportIsNotUndoneByImportingTheSameDataAgain() {
        OriginalLedger.Contributor original = contributor(115, false, event(1, "pr_opened", 15, 100, 115));
        Set<String> written = new HashSet<>();
        ImportPlanner.plan(original, NEW, Set.of()).forEach(p -> written.add(p.key()));

        assertThat(ImportPlanner.plan(original, new Standing(true, 130, false), written)).isEmpty();
    }

    @Test
    void newEventsOfALaterCopyAreAppendedAfterTheOnesImportedBefore() {
        OriginalLedger.Contributor before = contributor(115, false, event(1, "pr_opened", 15, 100, 115));
        Set<String> written = new HashSet<>();
        ImportPlanner.plan(before, NEW, Set.of()).forEach(p -> written.add(p.key()));
        OriginalLedger.Contributor later = contributor(120, false, event(1, "pr_opened", 15, 100, 115),
                event(2, "review_submitted", 5, 115, 120));

        List<Planned> plan = ImportPlanner.plan(later, new Standing(true, 115, false), written);

        assertThat(plan).extracting(Planned::key).containsExactly(PREFIX + ":event:2");
        assertThat(plan.get(0).creditBefore()).isEqualTo(115);
        assertThat(plan.get(0).creditAfter()).isEqualTo(120);
    }

    @Test
    void aContributorWithoutEventsAtTheStartingCreditNeedsNoEntry() {
        assertThat(ImportPlanner.plan(contributor(100, false), NEW, Set.of())).isEmpty();
        assertThat(ImportPlanner.plan(contributor(90, false), NEW, Set.of()))
                .extracting(Planned::creditAfter).containsExactly(90);
    }

    @Test
    void aVeryLongEvaluationIsCutToTheReasonsLength() {
        OriginalLedger.Event long1 = new OriginalLedger.Event(PREFIX + ":event:1", "comment", 1, 100, 101, "t",
                "x".repeat(5000), null, null);

        assertThat(ImportPlanner.reason(long1)).hasSize(1000);
    }
}
