package io.meritocrab.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffFingerprintTest {

    private static final String PARSER = """
            diff --git a/src/Parser.java b/src/Parser.java
            index 3b18e51..a9c2f07 100644
            --- a/src/Parser.java
            +++ b/src/Parser.java
            @@ -10,7 +10,8 @@ public class Parser {
                 String read(String text) {
            -        return text.trim();
            +        if (text == null) {
            +            return "";
            +        }
            +        return text.strip();
                 }
             }
            """;
    private static final String README = """
            diff --git a/README.md b/README.md
            index 1111111..2222222 100644
            --- a/README.md
            +++ b/README.md
            @@ -1,3 +1,4 @@
             # Parser
            +An empty text reads as empty.
             
             Usage:
            @@ -40,2 +41,2 @@ Usage:
            -Old note.
            +New note.
            """;

    @Test
    void aFingerprintIsASha256InHex() {
        assertThat(DiffFingerprint.of(PARSER).orElseThrow()).matches("[0-9a-f]{64}");
    }

    @Test
    void aChangeOfWhitespaceOnlyOrARenameHasNoFingerprint() {
        String whitespaceOnly = """
                diff --git a/src/Parser.java b/src/Parser.java
                index 3b18e51..a9c2f07 100644
                --- a/src/Parser.java
                +++ b/src/Parser.java
                @@ -10,2 +10,2 @@ public class Parser {
                -        return text.trim();
                +	return text.trim();
                """;
        String rename = """
                diff --git a/old/Name.java b/new/Name.java
                similarity index 100%
                rename from old/Name.java
                rename to new/Name.java
                """;
        assertThat(DiffFingerprint.of(whitespaceOnly)).isEmpty();
        assertThat(DiffFingerprint.of(rename)).isEmpty();
    }

    @Test
    void binaryChangesAreToldApartByTheirNewContent() {
        String logo = """
                diff --git a/docs/logo.png b/docs/logo.png
                index 1f2e3d4..%s 100644
                Binary files a/docs/logo.png and b/docs/logo.png differ
                """;
        assertThat(DiffFingerprint.of(logo.formatted("aaaaaaa"))).isPresent()
                .isNotEqualTo(DiffFingerprint.of(logo.formatted("bbbbbbb")));
        assertThat(DiffFingerprint.of(logo.formatted("aaaaaaa")))
                .isEqualTo(DiffFingerprint.of(logo.formatted("aaaaaaa").replace("1f2e3d4", "9999999")));
    }

    @Test
    void whitespaceDoesNotCount() {
        String reformatted = PARSER.replace("        if (text == null) {", "\tif(text==null){")
                .replace("            return \"\";", "  return \"\" ;")
                .replace("+        return text.strip();", "+\n+        return   text.strip();\n+");
        assertThat(DiffFingerprint.of(reformatted)).isEqualTo(DiffFingerprint.of(PARSER));
    }

    @Test
    void lineOrderWithinAHunkDoesNotCount() {
        String reordered = PARSER.replace("""
                +        if (text == null) {
                +            return "";
                """, """
                +            return "";
                +        if (text == null) {
                """);
        assertThat(reordered).isNotEqualTo(PARSER);
        assertThat(DiffFingerprint.of(reordered)).isEqualTo(DiffFingerprint.of(PARSER));
    }

    @Test
    void theOrderOfFilesAndHunksDoesNotCount() {
        String hunksSwapped = """
                diff --git a/README.md b/README.md
                index 1111111..2222222 100644
                --- a/README.md
                +++ b/README.md
                @@ -40,2 +41,2 @@ Usage:
                -Old note.
                +New note.
                @@ -1,3 +1,4 @@
                 # Parser
                +An empty text reads as empty.
                 
                 Usage:
                """;
        assertThat(DiffFingerprint.of(PARSER + README)).isEqualTo(DiffFingerprint.of(hunksSwapped + PARSER));
    }

    @Test
    void indexLinesHunkLineNumbersAndContextDoNotCount() {
        String rebased = PARSER.replace("index 3b18e51..a9c2f07 100644", "index 0000aaa..ffff999 100755")
                .replace("@@ -10,7 +10,8 @@ public class Parser {", "@@ -52,7 +52,8 @@")
                .replace("     String read(String text) {", "     String read(String input) {");
        assertThat(DiffFingerprint.of(rebased)).isEqualTo(DiffFingerprint.of(PARSER));
    }

    @Test
    void aChangedLineChangesTheFingerprint() {
        assertThat(DiffFingerprint.of(PARSER.replace("return \"\";", "return null;")))
                .isNotEqualTo(DiffFingerprint.of(PARSER));
    }

    @Test
    void anAddedLineIsNotTheSameAsARemovedOne() {
        assertThat(DiffFingerprint.of(PARSER.replace("-        return text.trim();", "+        return text.trim();")))
                .isNotEqualTo(DiffFingerprint.of(PARSER));
    }

    @Test
    void theSameLinesInAnotherFileAreAnotherChange() {
        assertThat(DiffFingerprint.of(PARSER.replace("Parser.java", "Lexer.java")))
                .isNotEqualTo(DiffFingerprint.of(PARSER));
    }

    @Test
    void aNewAndADeletedFileAreNamedByTheirPath() {
        String added = """
                diff --git a/docs/NOTE.md b/docs/NOTE.md
                new file mode 100644
                index 0000000..e69de29
                --- /dev/null
                +++ b/docs/NOTE.md
                @@ -0,0 +1 @@
                +A note.
                """;
        String deleted = """
                diff --git a/docs/NOTE.md b/docs/NOTE.md
                deleted file mode 100644
                index e69de29..0000000
                --- a/docs/NOTE.md
                +++ /dev/null
                @@ -1 +0,0 @@
                -A note.
                """;
        assertThat(DiffFingerprint.of(added)).isPresent().isNotEqualTo(DiffFingerprint.of(deleted));
        assertThat(DiffFingerprint.of(deleted)).isPresent();
    }

    @Test
    void aDiffWithoutFilesHasNoFingerprint() {
        assertThat(DiffFingerprint.of("")).isEmpty();
        assertThat(DiffFingerprint.of("not a diff\n")).isEmpty();
    }
}
