package io.tutoring.ops;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records logged while open, each with the MDC's request id as it was when the line was logged. */
final class LogRecords extends Handler implements AutoCloseable {

    record Line(String logger, String message, String requestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogRecords() {
        setLevel(Level.ALL);
    }

    static LogRecords start() {
        LogRecords records = new LogRecords();
        Logger.getLogger("").addHandler(records);
        return records;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord r) {
        // Handlers run on the thread that logs, so the MDC read here is the one of the line.
        String requestId = r instanceof ExtLogRecord ext ? ext.getMdc("requestId") : null;
        String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
        lines.add(new Line(r.getLoggerName(), message, requestId));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
