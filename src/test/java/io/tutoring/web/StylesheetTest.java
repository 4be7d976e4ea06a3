package io.tutoring.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The stylesheet's blocks are closed, and no style rule sits inside another. A rule left open (merges of sections
 * appended on two branches did that) turns every rule after it into a nested rule that modern browsers scope under
 * the open one, so whole sections silently stop applying; no page test notices, only a look at the screenshots.
 * Rules may sit inside at-rules ({@code @media}); the stylesheet uses no CSS nesting on purpose.
 */
class StylesheetTest {

    private static final Path STYLESHEET = Path.of("src/main/resources/META-INF/resources/assets/app.css");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void everyBlockIsClosedAndNoStyleRuleIsNested() throws IOException {
        // Comments blanked, newlines kept, so that line numbers stay right.
        String css = COMMENT.matcher(Files.readString(STYLESHEET))
                .replaceAll(m -> m.group().replaceAll("[^\n]", " "));
        Deque<String> open = new ArrayDeque<>();
        StringBuilder prelude = new StringBuilder();
        int line = 1;
        for (char c : css.toCharArray()) {
            switch (c) {
                case '\n' -> {
                    line++;
                    prelude.append(' ');
                }
                case '{' -> {
                    String selector = prelude.toString().strip();
                    if (!open.isEmpty() && !open.peek().startsWith("@")) {
                        fail(STYLESHEET + ":" + line + ": '" + selector + "' opens inside the rule '" + open.peek()
                                + "', which was never closed");
                    }
                    open.push(selector);
                    prelude.setLength(0);
                }
                case '}' -> {
                    if (open.isEmpty()) {
                        fail(STYLESHEET + ":" + line + ": a '}' closes nothing");
                    }
                    open.pop();
                    prelude.setLength(0);
                }
                case ';' -> prelude.setLength(0);
                default -> prelude.append(c);
            }
        }
        assertTrue(open.isEmpty(), STYLESHEET + ": left open at the end: " + open);
    }
}
