package nl.koers.app.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import nl.koers.app.TestCredentials;

/**
 * The HTTP ingest's load driver: one kept-alive HTTP/1.1 connection per client thread, requests written and answers
 * read by hand. The JDK's HTTP client cost about a millisecond of CPU per request, as much as the service's own
 * request handling, on the same two cores; this one costs a few tens of microseconds, as wrk would.
 */
final class KeepAliveClient implements AutoCloseable {

    /** An answer: its status and body. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean closing;

    KeepAliveClient(String base) throws IOException {
        URI uri = URI.create(base);
        host = uri.getHost() + ":" + uri.getPort();
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    Answer post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                + TestCredentials.ADMIN_AUTHORIZATION + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return answer();
    }

    private Answer answer() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    /** Whether the service said it closes this connection after its last answer (Tomcat does every 100 requests). */
    boolean closing() {
        return closing;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("The service closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
