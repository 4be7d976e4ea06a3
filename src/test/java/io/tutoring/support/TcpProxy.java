package io.tutoring.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a real server (PostgreSQL here), on a fixed local port, that a test can cut: {@link #down}
 * closes every connection and refuses new ones, {@link #hang} accepts connections but never answers (a server that
 * stopped responding, or a network that drops packets), {@link #up} forwards again. No mock: the bytes are the real
 * server's.
 */
public final class TcpProxy {

    private enum Mode { UP, HANG, DOWN }

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.DOWN;
    private volatile ServerSocket server;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Forwards connections to the target. */
    public synchronized void up() {
        cut();
        mode = Mode.UP;
        listen();
    }

    /** Closes every connection; new ones are refused (nothing listens on the port). */
    public synchronized void down() {
        mode = Mode.DOWN;
        cut();
        closeServer();
    }

    /** Closes every connection; new ones are accepted and never answered. */
    public synchronized void hang() {
        cut();
        mode = Mode.HANG;
        listen();
    }

    private void listen() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket s = server;
        Thread acceptor = new Thread(() -> accept(s), "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                open.add(client);
                if (mode == Mode.UP) {
                    Socket upstream = new Socket(targetHost, targetPort);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
                // HANG: keep the connection open, read nothing, answer nothing.
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-proxy-pump-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void cut() {
        for (Socket s : open) {
            close(s);
        }
        open.clear();
    }

    private void closeServer() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // already closed
            }
            server = null;
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
