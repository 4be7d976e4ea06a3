package io.tutoring.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The test SMTP server's mailbox: what it received, by recipient. (Not the tutor's inbox of threads.) */
public final class Mailbox {

    /** A delivered message: subject, the plain-text part and the HTML part. */
    public record Delivered(String from, String subject, String text, String html) {
    }

    private Mailbox() {
    }

    /** All messages delivered to the address so far, oldest first. */
    public static List<Delivered> to(String address) {
        List<Delivered> found = new ArrayList<>();
        try {
            for (MimeMessage m : SmtpServer.server().getReceivedMessages()) {
                boolean forAddress = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                if (forAddress) {
                    StringBuilder text = new StringBuilder();
                    StringBuilder html = new StringBuilder();
                    collect(m, text, html);
                    found.add(new Delivered(m.getFrom()[0].toString(), m.getSubject(), text.toString(),
                            html.toString()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the test mailbox", e);
        }
        return found;
    }

    /** The raw messages delivered to the address so far, oldest first (headers and MIME parts). */
    public static List<MimeMessage> raw(String address) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage m : SmtpServer.server().getReceivedMessages()) {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    found.add(m);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the test mailbox", e);
        }
        return found;
    }

    /** Waits (up to 10 s) until at least {@code count} messages reached the address, and returns them. */
    public static List<Delivered> await(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Delivered> found = to(address);
        while (found.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = to(address);
        }
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " message(s) to " + address + ", got " + found.size());
        }
        return found;
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws Exception {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        }
    }
}
