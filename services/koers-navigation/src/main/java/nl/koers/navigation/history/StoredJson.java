package nl.koers.navigation.history;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * JSON as the history stores it, kept as the UTF-8 bytes the database sent and written into an answer as it is: an
 * answer of thousands of events neither decodes them into text nor encodes them back. {@link #text()} is for those
 * that read the fields.
 */
@JsonSerialize(using = StoredJson.Writer.class)
public final class StoredJson {

    private final byte[] utf8;

    private StoredJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Bytes as read from a {@code json} column: the driver hands them over in the connection's encoding, UTF-8. */
    static StoredJson ofUtf8(byte[] utf8) {
        return new StoredJson(utf8);
    }

    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredJson json && Arrays.equals(utf8, json.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return text();
    }

    /** Writes the bytes through as a raw value; a generator that writes characters gets the text. */
    static final class Writer extends StdSerializer<StoredJson> {

        Writer() {
            super(StoredJson.class);
        }

        @Override
        public void serialize(StoredJson value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(new RawUtf8(value.utf8));
        }
    }

    /**
     * The bytes as Jackson's raw writes take them: a byte-writing generator copies them ({@code appendUnquotedUTF8},
     * or {@code asUnquotedUTF8} past its buffer's end); the rest is for generators that write characters. Never
     * quoted: this is a value, not a name.
     */
    private record RawUtf8(byte[] utf8) implements SerializableString {

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw quoting();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw quoting();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw quoting();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw quoting();
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String text = getValue();
            if (offset + text.length() > buffer.length) {
                return -1;
            }
            text.getChars(0, text.length(), buffer, offset);
            return text.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw quoting();
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw quoting();
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (utf8.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        private static UnsupportedOperationException quoting() {
            return new UnsupportedOperationException("Raw JSON is written as it is, never quoted");
        }
    }
}
