package io.meritocrab.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerExportTest {

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertThat(LedgerExport.field("octocat")).isEqualTo("octocat");
        assertThat(LedgerExport.field(-5)).isEqualTo("-5");
        assertThat(LedgerExport.field(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(LedgerExport.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(LedgerExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(LedgerExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(LedgerExport.field("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(LedgerExport.field("+1 from me")).isEqualTo("'+1 from me");
        assertThat(LedgerExport.field("@channel")).isEqualTo("'@channel");
    }
}
