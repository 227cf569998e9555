package nl.koers.http.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.http.Problems;
import nl.koers.http.RequestBodyTooLarge;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code koers.http.max-request-size} with 413, and CSV files of readings over
 * {@code koers.http.max-csv-size}, and portfolio documents over {@code koers.http.max-portfolio-size}. A body of declared length is judged by its Content-Length (the server never reads
 * past it). A chunked one is read up to one byte over the limit, and when it fits, the request goes on with what was
 * read; a chunked CSV file, which is read row by row and never held whole, is counted as it is read instead, and
 * fails with {@link RequestBodyTooLarge} when it grows past its limit.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Pattern CSV_READINGS = Pattern.compile("/api/v1/programmes/[^/]+/readings");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final Pattern PORTFOLIO_DOCUMENT = Pattern.compile("/api/v1/portfolio/(plan|apply)");

    private final long maxBytes;
    private final long maxCsvBytes;
    private final long maxPortfolioBytes;
    private final ObjectMapper json;

    RequestSizeLimitFilter(long maxBytes, long maxCsvBytes, long maxPortfolioBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.maxCsvBytes = maxCsvBytes;
        this.maxPortfolioBytes = maxPortfolioBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean csv = csvReadings(request);
        long maxBytes = csv ? maxCsvBytes : portfolioDocument(request) ? maxPortfolioBytes : this.maxBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response, maxBytes);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        if (csv) {
            chain.doFilter(new CountedBody(request, maxBytes), response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
        if (body.length > maxBytes) {
            tooLarge(request, response, maxBytes);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean portfolioDocument(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod()) && PORTFOLIO_DOCUMENT.matcher(request.getRequestURI()).matches();
    }

    private static boolean csvReadings(HttpServletRequest request) {
        if (!HttpMethod.POST.matches(request.getMethod()) || request.getContentType() == null
                || !CSV_READINGS.matcher(request.getRequestURI()).matches()) {
            return false;
        }
        try {
            return CSV.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        Problems.write(request, response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                "Request body too large", "The request body is larger than " + maxBytes + " bytes."), json);
    }

    /** A request whose body is counted as it is read, and fails once it is longer than allowed. */
    private static final class CountedBody extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream counted;

        CountedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), maxBytes);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counted(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = in.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > maxBytes) {
                throw new RequestBodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** A request whose body has been read already. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }
    }
}
