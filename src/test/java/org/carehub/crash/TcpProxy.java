package org.carehub.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP proxy in front of a system the hub talks to (PostgreSQL, finance). {@link #cut()} is the system
 * going away as a network or machine failure looks to the hub: open connections drop and new ones are refused.
 * {@link #restore()} brings it back on the same port.
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket server;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        restore();
    }

    synchronized int port() {
        return port;
    }

    /** Drops every open connection and refuses new ones. */
    synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        // The first time on any free port, then always on that one.
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = listening.getLocalPort();
        server = listening;
        threads.execute(() -> accept(listening));
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                open.add(client);
                Socket target = connectTarget(client);
                if (target != null) {
                    open.add(target);
                    threads.execute(() -> pump(client, target));
                    threads.execute(() -> pump(target, client));
                }
            } catch (IOException closed) {
                // cut() closed the listening socket
            }
        }
    }

    /** The connection on to the target, or null (and the client's dropped) if the target refuses. */
    private Socket connectTarget(Socket client) {
        try {
            return new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException refused) {
            close(client);
            return null;
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException dropped) {
            // one side went away: both are closed below
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to close
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        threads.shutdownNow();
    }
}
