package dev.gilsim;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a compiled class refers to, read from its constant pool: what the JVM would load, so
 * a fully qualified name in the source counts as much as an import, and an import that is never
 * used does not count at all.
 *
 * <p>Every reference to another class leaves its name in the pool: as a class constant (calls, field
 * accesses, {@code new}, casts, supertypes, nested classes) or inside a descriptor or generic
 * signature ({@code (Ldev/gilsim/kernel/Distribution;)V}, also for annotations and for types only
 * declared). String literals are left out: {@code "/dev/gilsim/defaults.yaml"} names a resource, not
 * a class. The format is JVMS chapter 4.4; Java 17 has no class-file API, and the pool is small.
 */
final class ClassReferences {
    private static final int MAGIC = 0xCAFEBABE;
    // JVMS 4.4: constant pool tags.
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    /** {@code Lpkg/Name;} or {@code Lpkg/Name<} inside a descriptor or signature; only names with a package. */
    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+)[;<]");

    private ClassReferences() {
    }

    /** Binary names with dots ({@code dev.gilsim.kernel.Durations}, nested classes with {@code $}), sorted. */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        BitSet classNames = new BitSet(count);
        BitSet stringLiterals = new BitSet(count);
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF(); // the pool's modified UTF-8 is DataInput's
                case CLASS -> classNames.set(in.readUnsignedShort());
                case STRING -> stringLiterals.set(in.readUnsignedShort());
                case METHOD_TYPE, MODULE, PACKAGE -> in.readUnsignedShort();
                case METHOD_HANDLE -> in.skipNBytes(3);
                case INTEGER, FLOAT, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, DYNAMIC,
                        INVOKE_DYNAMIC -> in.skipNBytes(4);
                case LONG, DOUBLE -> {
                    in.skipNBytes(8);
                    i++; // JVMS 4.4.5: eight-byte constants take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (utf8[i] == null || stringLiterals.get(i) && !classNames.get(i)) {
                continue;
            }
            if (classNames.get(i) && !utf8[i].startsWith("[")) {
                names.add(utf8[i].replace('/', '.'));
            }
            Matcher m = IN_DESCRIPTOR.matcher(utf8[i]);
            while (m.find()) {
                names.add(m.group(1).replace('/', '.'));
            }
        }
        return names;
    }
}
