package nl.koers.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of readings (UTF-8, an optional byte-order mark, a header row, RFC 4180 quoting, CRLF or LF), read one
 * row at a time so that a file of any length takes little memory. The header is read and checked when the file is
 * opened: columns in any order, named in any case, extra columns ignored, a required column missing refused.
 */
final class ReadingsCsv implements Closeable {

    static final List<String> REQUIRED = List.of("kpiId", "readingId", "measuredAt", "value");
    static final List<String> OPTIONAL = List.of("source", "note");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The file cannot be taken at all: no header, a required column missing or named twice. Nothing is recorded. */
    static final class InvalidHeader extends Exception {
        InvalidHeader(String message) {
            super(message);
        }
    }

    /** The file stops being CSV (or UTF-8) at {@code line}; the rows before it were read. */
    static final class Unreadable extends Exception {
        private final long line;

        Unreadable(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /** A data row as written: its first line in the file and its cells, null where the row has none. */
    record Row(long line, String kpiId, String readingId, String measuredAt, String value, String source, String note) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns;
    private long linesRead;

    private ReadingsCsv(CSVParser parser) throws InvalidHeader, Unreadable {
        this.parser = parser;
        this.records = parser.iterator();
        this.columns = header();
        this.linesRead = parser.getCurrentLineNumber();
    }

    static ReadingsCsv open(InputStream body) throws IOException, InvalidHeader, Unreadable {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        CSVParser parser = CSVParser.builder().setReader(withoutByteOrderMark(body)).setFormat(format).get();
        try {
            return new ReadingsCsv(parser);
        } catch (InvalidHeader | Unreadable | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** The next row, or null after the last. */
    Row next() throws Unreadable {
        long line = linesRead + 1;
        CSVRecord record = read(line);
        if (record == null) {
            return null;
        }
        linesRead = parser.getCurrentLineNumber();
        return new Row(line, cell(record, "kpiId"), cell(record, "readingId"), cell(record, "measuredAt"),
                cell(record, "value"), cell(record, "source"), cell(record, "note"));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private Map<String, Integer> header() throws InvalidHeader, Unreadable {
        CSVRecord header = read(1);
        if (header == null) {
            throw new InvalidHeader("The file is empty: it needs a header row with the columns "
                    + String.join(", ", REQUIRED) + ".");
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && byName.putIfAbsent(name, i) != null && known(name)) {
                throw new InvalidHeader("The header names column '" + header.get(i).trim() + "' twice.");
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !byName.containsKey(key(name))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidHeader("The header lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; it needs " + String.join(", ", REQUIRED)
                    + " (and may have " + String.join(", ", OPTIONAL) + "), in any order.");
        }
        return byName;
    }

    private static boolean known(String name) {
        return REQUIRED.stream().map(ReadingsCsv::key).anyMatch(name::equals)
                || OPTIONAL.stream().map(ReadingsCsv::key).anyMatch(name::equals);
    }

    private CSVRecord read(long line) throws Unreadable {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            String reason = e.getCause() instanceof java.nio.charset.CharacterCodingException
                    ? "it is not UTF-8 text"
                    : "it is not valid CSV (" + e.getCause().getMessage() + ")";
            throw new Unreadable(line, "The file cannot be read from line " + line + " on: " + reason + ".");
        }
    }

    private String cell(CSVRecord record, String column) {
        Integer index = columns.get(key(column));
        if (index == null || index >= record.size()) {
            return null;
        }
        return record.get(index);
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }

    private static Reader withoutByteOrderMark(InputStream body) throws IOException {
        PushbackReader reader = new PushbackReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        int first = reader.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }
}
