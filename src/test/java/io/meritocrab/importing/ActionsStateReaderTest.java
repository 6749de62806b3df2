package io.meritocrab.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.io.meritocrab.support.OriginalMeritocrab;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The Actions mode's contributors.json and events.json, in the shape the original writes them. */
class ActionsStateReaderTest {

    @Test
    void readsEachContributorWithItsEventsKeyedByTheirPlaceInEventsJson() {
        OriginalMeritocrab.ActionsState state = new OriginalMeritocrab.ActionsState()
                .contributor(7, "ann", 120, false)
                .contributor(8, "bob", 0, true)
                .event(7, "pr_opened", 15, 100, 115, 12, "high quality", "2025-01-01T00:00:00+00:00")
                .event(8, "manual_adjustment", -100, 100, 0, null, null, "2025-01-02T00:00:00+00:00")
                .event(7, "review_submitted", 5, 115, 120, 12, null, "2025-01-03T00:00:00+00:00");

        OriginalLedger ledger = ActionsStateReader.read("acme/widgets", state.contributorsJson(), state.eventsJson());

        OriginalLedger.Repository repository = ledger.repositories().get(0);
        assertThat(repository.fullName()).isEqualTo("acme/widgets");
        OriginalLedger.Contributor ann = repository.contributors().get(0);
        assertThat(ann.login()).isEqualTo("ann");
        assertThat(ann.events()).extracting(OriginalLedger.Event::key).containsExactly(
                "meritocrab-actions:acme/widgets:7:event:0", "meritocrab-actions:acme/widgets:7:event:2");
        assertThat(ann.events().get(0).pullRequest()).isEqualTo(12L);
        assertThat(ann.events().get(0).evaluation()).isEqualTo("high quality");
        assertThat(repository.contributors().get(1).blacklisted()).isTrue();
        assertThat(repository.unmapped()).isEmpty();
    }

    @Test
    void eventsOfContributorsMissingFromContributorsJsonAndBadRowsAreReported() {
        OriginalMeritocrab.ActionsState state = new OriginalMeritocrab.ActionsState()
                .contributor(7, "ann", 100, false)
                .event(9, "comment", 5, 100, 105, null, null, "2025-01-01T00:00:00Z");
        var contributors = Json.createObjectBuilder(state.contributorsJson())
                .add("not-a-number", Json.createObjectBuilder().add("username", "x").add("credit", 1)).build();
        var events = Json.createArrayBuilder(state.eventsJson()).add(Json.createObjectBuilder()
                .add("contributor_id", 7).add("event_type", "comment").add("delta", "five")).build();

        OriginalLedger.Repository repository = ActionsStateReader.read("acme/widgets", contributors, events)
                .repositories().get(0);

        assertThat(repository.unmapped()).extracting(OriginalLedger.Unmapped::row)
                .containsExactlyInAnyOrder("contributors.json not-a-number", "events.json [1]", "1 events of contributor 9");
        assertThat(repository.unmapped()).extracting(OriginalLedger.Unmapped::reason)
                .anySatisfy(r -> assertThat(r).contains("not a GitHub user id"))
                .anySatisfy(r -> assertThat(r).contains("not in contributors.json"));
    }

    @Test
    void filesOfTheWrongShapeAreRefused() {
        assertThatThrownBy(() -> ActionsStateReader.read("acme/widgets", JsonValue.EMPTY_JSON_ARRAY,
                JsonValue.EMPTY_JSON_ARRAY))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("contributors.json");
        assertThatThrownBy(() -> ActionsStateReader.read("acme/widgets", JsonValue.EMPTY_JSON_OBJECT,
                JsonValue.EMPTY_JSON_OBJECT))
                .isInstanceOf(ImportRefused.class).hasMessageContaining("events.json");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> ActionsUpload.body(new java.io.ByteArrayInputStream("{\"repository\": ".getBytes()),
                1 << 20))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("not valid JSON");
    }
}
