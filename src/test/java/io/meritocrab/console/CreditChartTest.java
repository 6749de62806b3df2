package io.meritocrab.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditChartTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void noPointsIsANoteNotAnEmptyChart() {
        assertThat(CreditChart.svg(List.of())).doesNotContain("<svg").contains("No credit changes");
    }

    @Test
    void stepsFromPointToPointAndNamesTheLatestCredit() {
        String svg = CreditChart.svg(List.of(new CreditChart.Point(T0, 100),
                new CreditChart.Point(T0.plusSeconds(86_400 * 3), 90),
                new CreditChart.Point(T0.plusSeconds(86_400 * 6), 120)));

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains("data-points=\"3\"").contains("data-latest=\"120\"");
        assertThat(svg).contains("from 100 to 120, lowest 90, highest 120");
        assertThat(svg).contains("2026-11-01").contains("2026-11-07");
        // first point at the left edge, a horizontal then a vertical segment per change
        assertThat(svg).contains("d=\"M48.0 ").containsPattern("L(\\d+\\.\\d) [\\d.]+ L\\1 [\\d.]+");
    }

    @Test
    void higherCreditIsDrawnHigherAndNothingGoesBelowTheZeroLine() {
        String svg = CreditChart.svg(List.of(new CreditChart.Point(T0, 0), new CreditChart.Point(T0.plusSeconds(60), 50)));

        assertThat(svg).contains(">0</text>").contains(">55</text>");
        assertThat(svg).contains("2026-11-01 10:00").contains("2026-11-01 10:01");
        assertThat(svg).as("credit 0 sits on the axis").contains("d=\"M48.0 192.0");
        assertThat(svg.substring(svg.indexOf("<circle"))).as("50 of 0..55 is near the top").contains("cy=\"28.4\"");
    }

    @Test
    void pointsAtTheSameInstantAreSpreadEvenly() {
        String svg = CreditChart.svg(List.of(new CreditChart.Point(T0, 100), new CreditChart.Point(T0, 98),
                new CreditChart.Point(T0, 96)));

        assertThat(svg).contains("M48.0 ").contains("L338.0 ").contains("L628.0 ");
    }
}
