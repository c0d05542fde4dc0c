package ru.otklik.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random secret created once and kept in the data directory (hex, readable by the owner only), so what it
 * protects survives restarts: pseudonyms stay stable, session cookies stay valid. Its value is never logged.
 */
public final class SecretFile {

    private static final int BYTES = 32;

    private SecretFile() {
    }

    /** The secret in {@code file}, created with {@value #BYTES} random bytes when the file does not exist. */
    public static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret " + file + " is not hex; delete it to get a new one", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.writeString(tmp, HexFormat.of().formatHex(secret));
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
        try {
            // a crash while writing leaves only the .new file; two nodes starting at once keep the first secret
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }
}
