package io.tutoring.papertrail;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Family;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tutoring.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recipe of docs/paper-trail.md, exactly as written there (the bash block after {@code <!-- verify-recipe -->}),
 * run with bash, jq and sha256sum on real exports: an intact one passes, one with a changed character fails at
 * that message. Needs jq (CI installs it, see .ci/run); a machine without it fails this test rather than skip it.
 */
@QuarkusTest
class VerifyRecipeTest {

    private static final Pattern RECIPE = Pattern.compile("<!-- verify-recipe -->\\s*```bash\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void theDocumentedRecipeVerifiesARealExportAndFindsATamperedMessage() throws Exception {
        Family f = Family.create();
        String thread = ExportTest.threadOf(f, 3);
        as(f.tutor()).body(Map.of("tutorId", f.tutor().id(), "studentId", f.student().id(),
                        "message", "Ünïcödé, emoji 😀, tab\tand\nnewlines\n\nand \"quotes\" \\ backslash",
                        "requestAck", true))
                .post("/api/parent/messages").then().statusCode(201);
        byte[] export = Exported.json(f.parent(), thread);

        Path dir = Files.createTempDirectory("recipe");
        Path script = dir.resolve("verify-export.sh");
        Files.writeString(script, recipe());
        Path intact = dir.resolve("intact.json");
        Files.write(intact, export);
        Result ok = run(script, intact);
        assertEquals(0, ok.status(), ok.output());
        assertTrue(ok.output().startsWith("intact: 4 messages, chain head "), ok.output());

        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, new String(export, StandardCharsets.UTF_8).replace("message 1", "message 7"));
        Result broken = run(script, tampered);
        assertEquals(1, broken.status(), broken.output());
        assertTrue(broken.output().startsWith("broken at message 1:"), broken.output());
    }

    static String recipe() throws IOException {
        String doc = Files.readString(Path.of("docs/paper-trail.md"));
        Matcher m = RECIPE.matcher(doc);
        assertTrue(m.find(), "docs/paper-trail.md has the recipe after <!-- verify-recipe -->");
        return m.group(1);
    }

    record Result(int status, String output) {
    }

    static Result run(Path script, Path export) throws Exception {
        Process p = new ProcessBuilder("bash", script.toString(), export.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
