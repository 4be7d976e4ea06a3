package io.tutoring.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The stylesheet's blocks are closed, and no style rule sits inside another. A rule left open (merges of sections
 * appended on two branches did that) turns every rule after it into a nested rule that modern browsers scope under
 * the open one, so whole sections silently stop applying; no page test notices, only a look at the screenshots.
 * Rules may sit inside one at-rule ({@code @media}); the stylesheet uses no CSS nesting on purpose. Each section
 * ({@code /* == name == *}{@code /}) starts at the top level, so a block left open before it cannot be balanced by a
 * stray brace further down.
 */
class StylesheetTest {

    private static final Path STYLESHEET = Path.of("src/main/resources/META-INF/resources/assets/app.css");
    /** Comments and quoted strings: neither holds structure, and either may hold a brace or a semicolon. */
    private static final Pattern NOT_STRUCTURE =
            Pattern.compile("/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);
    private static final Pattern SECTION = Pattern.compile("/\\* == ");

    @Test
    void everyBlockIsClosedAndNoStyleRuleIsNested() throws IOException {
        String source = Files.readString(STYLESHEET);
        // Blanked with their offsets and newlines kept, so that positions and line numbers stay right.
        String css = NOT_STRUCTURE.matcher(source).replaceAll(m -> m.group().replaceAll("[^\n]", " "));
        int[] depthAt = new int[css.length() + 1];
        Deque<String> open = new ArrayDeque<>();
        StringBuilder prelude = new StringBuilder();
        int line = 1;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            depthAt[i] = open.size();
            switch (c) {
                case '\n' -> {
                    line++;
                    prelude.append(' ');
                }
                case '{' -> {
                    String selector = prelude.toString().strip();
                    if (!open.isEmpty() && !open.peek().startsWith("@")) {
                        fail(where(line) + "'" + selector + "' opens inside the rule '" + open.peek()
                                + "', which was never closed");
                    }
                    if (!open.isEmpty() && selector.startsWith("@")) {
                        fail(where(line) + "'" + selector + "' opens inside '" + open.peek() + "'");
                    }
                    open.push(selector);
                    prelude.setLength(0);
                }
                case '}' -> {
                    if (open.isEmpty()) {
                        fail(where(line) + "a '}' closes nothing");
                    }
                    open.pop();
                    prelude.setLength(0);
                }
                case ';' -> prelude.setLength(0);
                default -> prelude.append(c);
            }
        }
        assertTrue(open.isEmpty(), STYLESHEET + ": left open at the end: " + open);
        Matcher section = SECTION.matcher(source);
        int sections = 0;
        while (section.find()) {
            sections++;
            int sectionLine = (int) source.substring(0, section.start()).chars().filter(ch -> ch == '\n').count() + 1;
            assertEquals(0, depthAt[section.start()], where(sectionLine) + "a section starts inside a block");
        }
        assertTrue(sections >= 5, "the sections are marked /* == name == */: " + sections);
    }

    private static String where(int line) {
        return STYLESHEET + ":" + line + ": ";
    }
}
